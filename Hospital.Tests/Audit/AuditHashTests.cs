using System.Text;
using Hospital.Domain.Audit;

namespace Hospital.Tests.Audit;

/// <summary>The canonical form of an audit row and its hash: stable, unambiguous, reproducible outside .NET.</summary>
public sealed class AuditHashTests
{
    private static AuditEntry Sample() => new()
    {
        PreviousHash = "abc123",
        At = new DateTime(2026, 11, 22, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567),
        UserId = null,
        UserName = "bác sĩ Hùng",
        Action = AuditAction.Update,
        Entity = "Patient",
        EntityKey = "42",
        Changes = """{"FullName":{"old":"Lê Văn A","new":"Lê Văn B"}}""",
    };

    [Fact]
    public void Canonical_form_is_a_header_then_one_netstring_per_field_with_null_as_dash()
    {
        var text = Encoding.UTF8.GetString(AuditHash.Canonical(Sample()));
        Assert.Equal(
            "HOSPITAL-AUDIT-1\n6:abc123,27:2026-11-22T03:04:05.123456Z,-,14:bác sĩ Hùng,6:Update,7:Patient,2:42," +
            """52:{"FullName":{"old":"Lê Văn A","new":"Lê Văn B"}},""",
            text);
    }

    [Fact]
    public void Hash_matches_an_independent_implementation()
    {
        // Computed with Python's hashlib over the same netstrings: an auditor can check the
        // chain without this code.
        Assert.Equal("713ec3e21bc62a76f4e34c4f4a423665c335c6f27ba96f8a5eee47a9223569de", AuditHash.Compute(Sample()));
    }

    [Fact]
    public void Time_is_cut_to_the_microseconds_both_databases_keep()
    {
        var at = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(9_999_999);
        Assert.Equal(at.AddTicks(-9), AuditHash.StoredPrecision(at));
        Assert.Equal(DateTimeKind.Utc, AuditHash.StoredPrecision(DateTime.SpecifyKind(at, DateTimeKind.Unspecified)).Kind);
        Assert.Equal("2026-01-02T03:04:05.999999Z", AuditHash.FormatAt(at));
        Assert.Equal("2026-01-02T03:04:05.000000Z", AuditHash.FormatAt(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        var a = Sample();
        var b = Sample();
        b.At = b.At.AddTicks(2); // .1234567 s → .1234569 s: below a microsecond: lost on storage, so it must not change the hash
        Assert.Equal(AuditHash.Compute(a), AuditHash.Compute(b));
    }

    [Fact]
    public void Null_and_empty_are_different()
    {
        var a = Sample();
        var b = Sample();
        b.UserId = "";
        Assert.NotEqual(AuditHash.Compute(a), AuditHash.Compute(b));
    }

    [Fact]
    public void Moving_text_across_a_field_boundary_changes_the_hash()
    {
        var a = Sample();
        a.Entity = "Patien";
        a.EntityKey = "t42";
        Assert.NotEqual(AuditHash.Compute(Sample()), AuditHash.Compute(a));
    }

    [Fact]
    public void Every_field_is_covered()
    {
        var original = AuditHash.Compute(Sample());
        var edits = new Action<AuditEntry>[]
        {
            e => e.PreviousHash = "abc124",
            e => e.At = e.At.AddSeconds(1),
            e => e.UserId = "u1",
            e => e.UserName = "bác sĩ Hưng",
            e => e.Action = AuditAction.Void,
            e => e.Entity = "BhytCard",
            e => e.EntityKey = "43",
            e => e.Changes = null,
        };
        foreach (var edit in edits)
        {
            var e = Sample();
            edit(e);
            Assert.NotEqual(original, AuditHash.Compute(e));
        }
    }
}
