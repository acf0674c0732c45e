using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Hospital.Web.Features.Queues.Board;

/// <summary>Shows a just-created board's URL (with its token) once, after the redirect (<see cref="OneTimeHandoff{T}"/>).</summary>
public sealed class BoardTokenHandoff(IDataProtectionProvider protection)
    : OneTimeHandoff<QueueBoardAdministration.Created>(protection, "hospital.newboard", "/admin/queue-boards", "Hospital.Queues.Boards.NewToken");
