using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Data;

/// <summary>
/// SQLite has no sequences, so there a named counter row stands in for one (incremented with
/// <c>UPDATE … RETURNING</c> under SQLite's single-writer lock). PostgreSQL uses real sequences
/// created by the migration and never touches this table (<see cref="IdentifierSequences"/>).
/// </summary>
public class NumberSequence : INotAudited
{
    public string Name { get; set; } = "";
    public long LastValue { get; set; }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(50);
    }
}
