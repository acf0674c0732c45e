using Hospital.Domain.Patients;
namespace Hospital.Domain.Visits;

/// <summary>
/// Which priority group reception proposes (Luật Khám bệnh, chữa bệnh 15/2023/QH15 Điều 3 khoản 2:
/// cấp cứu, trẻ em dưới 6 tuổi, phụ nữ có thai, người khuyết tật đặc biệt nặng / nặng, người từ đủ
/// 75 tuổi, người có công với cách mạng). Only emergency and age can be read from the record; the
/// clerk picks the others (pregnancy, disability, merit) from the papers shown.
/// </summary>
public static class PrioritySuggestion
{
    public const int ChildAgeLimit = 6;
    public const int ElderlyAge = 75;

    public static PriorityGroup Suggest(DateOnly? dateOfBirth, int birthYear, DateOnly visitDate, bool emergency)
    {
        if (emergency) return PriorityGroup.Emergency;
        var age = PatientAge.Years(dateOfBirth, birthYear, visitDate);
        if (age < ChildAgeLimit) return PriorityGroup.ChildUnder6;
        if (age >= ElderlyAge) return PriorityGroup.Aged75;
        return PriorityGroup.None;
    }

    /// <summary>
    /// The group stored on the visit: an emergency is always <see cref="PriorityGroup.Emergency"/>
    /// (it is called first whatever else applies); otherwise what the clerk chose, or the suggestion
    /// when nothing was chosen (API callers, kiosks). "Emergency" without the emergency flag is not
    /// accepted: the flag also decides the benefit (MA_DOITUONG_KCB 2).
    /// </summary>
    public static PriorityGroup Decide(PriorityGroup? chosen, PriorityGroup suggested, bool emergency) =>
        emergency ? PriorityGroup.Emergency
        : chosen is { } c && c != PriorityGroup.Emergency ? c
        : suggested == PriorityGroup.Emergency ? PriorityGroup.None : suggested;
}
