using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Hospital.Web.Features.Admin.ApiKeys;

/// <summary>Shows a just-issued API key once, after the redirect (<see cref="OneTimeHandoff{T}"/>).</summary>
public sealed class NewKeyHandoff(IDataProtectionProvider protection)
    : OneTimeHandoff<ApiKeyAdministration.Issued>(protection, "hospital.newkey", "/admin/api-keys", "Hospital.Admin.ApiKeys.NewKey");
