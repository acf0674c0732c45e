using Hospital.Domain.Clinical;

namespace Hospital.Web.Demo;

/// <summary>
/// The demo hospital's order sets (bộ chỉ định): what an outpatient doctor orders most often,
/// each a button on the exam's orders panel. Items are MA_DICH_VU codes of <see cref="DemoServices"/>.
/// </summary>
public static class DemoOrderSets
{
    public sealed record Item(string Code, string Name, IReadOnlyList<string> ServiceCodes);

    public static readonly IReadOnlyList<Item> All =
    [
        new("CTM", "Tổng phân tích tế bào máu ngoại vi", ["22.0121.1369"]),
        new("SHM-CB", "Sinh hóa máu cơ bản", ["23.0075.1494", "23.0166.1494", "23.0051.1494", "23.0019.1493", "23.0020.1493"]),
        new("NT", "Tổng phân tích nước tiểu", ["23.0206.1596"]),
        new("MO-MAU", "Bộ mỡ máu", ["23.0041.1506", "23.0158.1506", "23.0084.1506", "23.0112.1506"]),
        new("DTD", "Theo dõi đái tháo đường", ["23.0075.1494", "23.0083.1523", "23.0051.1494"]),
        new("TIEN-PHAU", "Xét nghiệm trước phẫu thuật, thủ thuật",
            ["22.0121.1369", "22.0280.1269", "22.0001.1355", "22.0004.1356", "24.0117.1619", "24.0144.1630", "24.0153.1629"]),
        new("XQ-NGUC", "Chụp X-quang ngực thẳng", ["18.0119.0028"]),
    ];

    public static IEnumerable<OrderSet> Create(IReadOnlyDictionary<string, int> serviceIdByCode) =>
        All.Select(s =>
        {
            var set = new OrderSet
            {
                Code = s.Code,
                Name = s.Name,
                Items = s.ServiceCodes.Select((code, i) => new OrderSetItem { ServiceId = serviceIdByCode[code], Position = i + 1 }).ToList(),
            };
            set.RefreshSearchKey();
            return set;
        });
}
