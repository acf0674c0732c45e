namespace Hospital.Domain.Visits;

/// <summary>
/// Call order of a room's queue (Luật Khám bệnh, chữa bệnh 15/2023/QH15 Điều 3 khoản 2):
/// emergencies first, then the other priority groups, then everyone else; within a rank,
/// by ticket number.
/// </summary>
public static class QueuePriority
{
    public static int RankOf(PriorityGroup group) => group switch
    {
        PriorityGroup.Emergency => 0,
        PriorityGroup.None => 2,
        _ => 1,
    };
}
