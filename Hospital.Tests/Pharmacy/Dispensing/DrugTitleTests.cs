using Hospital.Web.Features.Dispensing;

namespace Hospital.Tests.Pharmacy.Dispensing;

/// <summary>The drug's name on the dispensing screen, slip and register carries its strength once.</summary>
public sealed class DrugTitleTests
{
    [Theory]
    [InlineData("Paracetamol 500mg", "500mg", "Paracetamol 500mg")]
    [InlineData("Diazepam 5MG", "5mg", "Diazepam 5MG")]
    [InlineData("Morphin hydroclorid", "10mg/1ml", "Morphin hydroclorid 10mg/1ml")]
    [InlineData("Oresol", null, "Oresol")]
    [InlineData("Oresol", "", "Oresol")]
    public void Strength_is_added_only_when_the_name_lacks_it(string name, string? strength, string expected) =>
        Assert.Equal(expected, DrugTitle.Of(name, strength));
}
