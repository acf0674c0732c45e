namespace Hospital.Domain.Visits;

/// <summary>How the visit is paid: by the BHYT fund (with co-payment), by the patient, or free (charity, staff, programmes).</summary>
public enum VisitKind { Bhyt = 1, Fee = 2, Free = 3 }

/// <summary>Where an outpatient visit is in the day's flow; the doctor's worklist and the queue board read it.</summary>
public enum VisitStatus { Waiting = 1, InExam = 2, WaitingResults = 3, Concluded = 4, Cancelled = 9 }

/// <summary>
/// Priority groups of Luật Khám bệnh, chữa bệnh 15/2023/QH15 Điều 3 khoản 2. Emergencies go
/// first; the other groups go ahead of ordinary patients, among themselves in ticket order
/// (<see cref="QueuePriority"/>).
/// </summary>
public enum PriorityGroup
{
    None = 0,
    Emergency = 1,
    ChildUnder6 = 2,
    Pregnant = 3,
    SevereDisability = 4,
    Aged75 = 5,
    MeritoriousPerson = 6,
}

/// <summary>How the patient proved BHYT coverage (hình thức xuất trình, NĐ 188/2025 Đ37 k1).</summary>
public enum CardPresentation { None = 0, BhytCard = 1, ChipCccd = 2, VneId = 3, VssId = 4, PaperOrNumber = 5 }

/// <summary>State of the portal card check for a visit; "Unchecked" shows as "thẻ chưa kiểm tra".</summary>
public enum CardCheckState { NotApplicable = 0, Unchecked = 1, Valid = 2, Rejected = 3 }
