namespace Hospital.Domain.Catalog;

/// <summary>MA_NHOM, the BHYT cost group (QĐ 5937 App. 3; 19 added by QĐ 4750). bhyt-claims.md §4.1.</summary>
public enum BhytCostGroup
{
    Lab = 1,
    Imaging = 2,
    FunctionalTest = 3,
    DrugInList = 4,
    DrugCancerOrTransplant = 5,
    DrugByRate = 6,
    Blood = 7,
    Surgery = 8,
    ServiceByRate = 9,
    SupplyInList = 10,
    SupplyByRate = 11,
    Transport = 12,
    Exam = 13,
    DayBed = 14,
    InpatientBed = 15,
    HoldingBed = 16,
    BloodProduct = 17,
    Procedure = 18,
    Other = 19,
}
