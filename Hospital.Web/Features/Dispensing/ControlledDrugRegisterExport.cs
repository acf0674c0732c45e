using System.Globalization;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Hospital.Web.Platform.Spreadsheets;

namespace Hospital.Web.Features.Dispensing;

/// <summary>The register's filter: store (code; the dispensary when absent), drug (optional), month (yyyy-MM; the current one when absent).</summary>
public sealed record RegisterFilter(string? StoreCode, int? DrugId, DateOnly Month)
{
    public static RegisterFilter Read(IQueryCollection query, DateOnly today)
    {
        var month = DateOnly.TryParseExact(query["month"].ToString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? m : new DateOnly(today.Year, today.Month, 1);
        return new RegisterFilter(query["store"].ToString() is { Length: > 0 } s ? s : null, int.TryParse(query["drug"], out var d) ? d : null, month);
    }

    public string MonthText => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary><c>GET /pharmacy/register/export?store=&amp;drug=&amp;month=</c>: the register as Excel, one sheet per drug.</summary>
public static class ControlledDrugRegisterExport
{
    public static void Map(WebApplication app) =>
        app.MapGet("/pharmacy/register/export", async (HttpRequest request, HospitalDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var filter = RegisterFilter.Read(request.Query, VietnamCalendar.Today(clock));
                var store = DispensingStores.Pick(await DispensingStores.ActiveAsync(db, ct), filter.StoreCode);
                if (store is null) return Results.NotFound();
                var drugs = await ControlledDrugRegister.LoadAsync(db, store.Id, filter.DrugId, filter.Month, ct);
                return XlsxTable.Download($"so-thuoc-gn-ht-{store.Code}-{filter.MonthText}.xlsx", Sheets(store.Name, filter.Month, drugs));
            })
            .RequireAuthorization(HospitalModule.Pharmacy)
            .ExcludeFromDescription();

    public static XlsxSheet[] Sheets(string store, DateOnly month, IReadOnlyList<RegisterDrug> drugs)
    {
        XlsxColumn[] columns =
        [
            new("Ngày giờ", XlsxKind.DateTime, 17), new("Số phiếu", Width: 14), new("Diễn giải", Width: 22), new("Số lô", Width: 12), new("Hạn dùng", XlsxKind.Date, 11),
            new("Nhập", XlsxKind.Number, 9), new("Xuất", XlsxKind.Number, 9), new("Tồn", XlsxKind.Number, 9), new("Người bệnh", Width: 24), new("Mã đơn thuốc", Width: 16),
            new("Bác sĩ kê đơn", Width: 22), new("Người nhận", Width: 22), new("Số CCCD người nhận", Width: 16), new("Ghi chú", Width: 24), new("Người ghi", Width: 14),
        ];
        if (drugs.Count == 0)
            return [new XlsxSheet("Sổ thuốc GN-HT", columns, []) { Titles = [Title(store, month), "Không có thuốc gây nghiện, hướng thần, tiền chất nào có tồn hoặc biến động."] }];
        return drugs.Select(d => new XlsxSheet(d.Code, columns,
            [
                [null, null, "Tồn đầu kỳ", null, null, null, null, d.Opening, null, null, null, null, null, null, null],
                .. d.Rows.Select(r => (IReadOnlyList<object?>)[VietnamTime.ToLocal(r.OccurredAt), r.DocumentNumber, Stock.StockLabels.Movement(r.Kind), r.LotNumber,
                    r.Expiry, r.In, r.Out, r.Balance, r.PatientName, r.PrescriptionCode, r.Prescriber, r.ReceiverName, r.ReceiverIdNumber, r.Note, r.RecordedBy]),
            ])
        {
            Titles = [Title(store, month), $"Thuốc: {DrugTitle.Of(d.Name, d.Strength)} ({d.Code}) – {ControlledDrugRegister.ClassLabel(d.Class)} – đơn vị: {d.Unit}"],
            Total = [null, null, "Tồn cuối kỳ", null, null, d.Rows.Sum(r => r.In), d.Rows.Sum(r => r.Out), d.Closing, null, null, null, null, null, null, null],
        }).ToArray();
    }

    private static string Title(string store, DateOnly month) =>
        $"SỔ THEO DÕI THUỐC GÂY NGHIỆN, HƯỚNG THẦN, TIỀN CHẤT – {store} – tháng {month:MM/yyyy}";
}
