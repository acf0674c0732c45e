using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>
/// A drug of the hospital formulary with the fields XML2 needs (MA_THUOC, TEN_THUOC, HAM_LUONG,
/// DUONG_DUNG, SO_DANG_KY, DON_VI_TINH). Stock by lot lives in the pharmacy module.
/// </summary>
public class Drug : CatalogEntry
{
    public string ActiveIngredient { get; set; } = "";
    public string? Strength { get; set; }
    /// <summary>Route code per the common code set (e.g. "1.01" uống).</summary>
    public string? RouteCode { get; set; }
    public string? Route { get; set; }
    public string Unit { get; set; } = "Viên";
    public string? RegistrationNo { get; set; }
    public string? Manufacturer { get; set; }
    /// <summary>Dạng bào chế (DANG_BAO_CHE of XML2): viên nén, dung dịch tiêm…</summary>
    public string? DosageForm { get; set; }
    /// <summary>Quy cách đóng gói as the bid result states it, e.g. "Hộp 10 vỉ x 10 viên".</summary>
    public string? Packing { get; set; }
    /// <summary>Bid result the drug was bought under (TT_THAU of XML2, see <c>TenderReference</c>): decision number.</summary>
    public string? TenderDecision { get; set; }
    /// <summary>Gói thầu number (G1, G2…).</summary>
    public int? TenderPackage { get; set; }
    /// <summary>Nhóm thuốc in the tender (N1…N5 by TT 07/2024).</summary>
    public int? TenderGroup { get; set; }
    public int? TenderYear { get; set; }
    /// <summary>Storage conditions (điều kiện bảo quản): "Dưới 30°C", "2–8°C"…</summary>
    public string? Storage { get; set; }
    public BhytCostGroup CostGroup { get; set; } = BhytCostGroup.DrugInList;
    public decimal Price { get; set; }
    /// <summary>TYLE_TT_BH, percent the fund pays for drugs paid by rate; 100 otherwise.</summary>
    public int BhytPaymentRate { get; set; } = 100;
    public bool CoveredByBhyt { get; set; } = true;
    /// <summary>Controlled-drug class: decides the prescription form and its day limits (TT 26/2025).</summary>
    public DrugControlClass ControlClass { get; set; }
    protected override string? ExtraSearchText => ActiveIngredient;
}

internal sealed class DrugConfiguration : CatalogEntryConfiguration<Drug>
{
    protected override void ConfigureMore(EntityTypeBuilder<Drug> b)
    {
        b.Property(x => x.ActiveIngredient).HasMaxLength(500);
        b.Property(x => x.Strength).HasMaxLength(200);
        b.Property(x => x.RouteCode).HasMaxLength(10);
        b.Property(x => x.Route).HasMaxLength(100);
        b.Property(x => x.Unit).HasMaxLength(50);
        b.Property(x => x.RegistrationNo).HasMaxLength(100);
        b.Property(x => x.Manufacturer).HasMaxLength(300);
        b.Property(x => x.DosageForm).HasMaxLength(200);
        b.Property(x => x.Packing).HasMaxLength(200);
        b.Property(x => x.TenderDecision).HasMaxLength(50);
        b.Property(x => x.Storage).HasMaxLength(200);
        b.Property(x => x.CostGroup).HasConversion<int>();
        b.Property(x => x.Price).HasPrecision(18, 3);
        b.Property(x => x.ControlClass).HasConversion<int>();
    }
}

/// <summary>
/// Thuốc thường, gây nghiện (N), hướng thần (H), tiền chất (H) and dược liệu/thuốc cổ truyền:
/// the groups whose prescribing and dispensing rules differ (TT 26/2025, TT 20/2017).
/// </summary>
public enum DrugControlClass { Ordinary = 0, Narcotic = 1, Psychotropic = 2, Precursor = 3, Herbal = 4 }
