using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>Columns and indexes every catalog table shares: unique code, searchable key.</summary>
internal abstract class CatalogEntryConfiguration<T> : IEntityTypeConfiguration<T> where T : CatalogEntry
{
    protected virtual int CodeLength => 50;
    protected virtual int NameLength => 500;

    public void Configure(EntityTypeBuilder<T> b)
    {
        b.Property(x => x.Code).HasMaxLength(CodeLength).IsRequired();
        b.Property(x => x.Name).HasMaxLength(NameLength).IsRequired();
        b.Property(x => x.SearchKey).HasMaxLength(2000).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.SearchKey);
        ConfigureMore(b);
    }

    protected virtual void ConfigureMore(EntityTypeBuilder<T> b) { }
}
