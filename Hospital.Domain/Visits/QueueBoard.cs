using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Visits;

/// <summary>
/// A display board (TV in a waiting hall) showing the called numbers of some rooms. It opens
/// with a token in its URL instead of a sign-in; only the token's SHA-256 is stored, and an
/// administrator can revoke it.
/// </summary>
public class QueueBoard
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Room codes shown, comma separated, in display order.</summary>
    public string RoomCodes { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
}

internal sealed class QueueBoardConfiguration : IEntityTypeConfiguration<QueueBoard>
{
    public void Configure(EntityTypeBuilder<QueueBoard> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.RoomCodes).HasMaxLength(1000);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}
