using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;

namespace Hospital.Domain.Visits;

/// <summary>
/// The exam fee (công khám) charged when a visit is registered to a room, priced for the visit kind
/// like any service (<see cref="ServiceCharge"/>).
/// The service comes from <see cref="Room.ExamServiceId"/> only. There is no fallback to "the
/// department's exam service": a department has no such field, and guessing (e.g. the first exam
/// service of the department) would charge a Nhi price in a Nội room; a room without its exam
/// service is a catalog gap the administrator must fill, and registration says so.
/// </summary>
public static class ExamFee
{
    public static Charge For(Visit visit, MedicalService service, int departmentId, string orderedBy, DateTime utcNow) =>
        ServiceCharge.For(visit, service, departmentId, orderedBy, utcNow);
}
