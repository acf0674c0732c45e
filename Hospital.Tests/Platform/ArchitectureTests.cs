using System.Reflection;

namespace Hospital.Tests.Platform;

/// <summary>References point downward only: Web → {Emr, Lis, Integration} → Domain (DESIGN.md).</summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Hospital.Domain", [] },
        { "Hospital.Integration", ["Hospital.Domain"] },
        { "Hospital.Lis", ["Hospital.Domain"] },
        { "Hospital.Emr", ["Hospital.Domain"] },
        { "Hospital.Web", ["Hospital.Domain", "Hospital.Integration", "Hospital.Lis", "Hospital.Emr"] },
    };

    [Theory, MemberData(nameof(Allowed))]
    public void Project_references_only_point_downward(string project, string[] allowed)
    {
        var assembly = Assembly.Load(project);
        var hospitalRefs = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Hospital."))
            .ToList();
        Assert.All(hospitalRefs, r => Assert.Contains(r, allowed));
    }
}
