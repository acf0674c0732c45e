using Hospital.Integration.Emr;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Web.Features.Chart;

/// <summary>
/// Services and endpoints of the Chart feature folder: the patient chart
/// (<c>/clinic/patients/{id}/chart</c>, its htmx timeline pages) and the CV 365 HoSoBenhAn export
/// of a visit, as a download from the chart and under <c>/api/v1/visits/{id}/record.xml|json</c>.
/// </summary>
public static class ChartFeature
{
    /// <summary>Entity name of the "opened the chart" audit row (key: the patient id).</summary>
    public const string AuditEntity = "PatientChart";

    public static IServiceCollection AddChart(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ChartQueries>();
        services.AddScoped<VisitRecordExport>();
        return services;
    }

    public static void MapChart(this WebApplication app)
    {
        var clinic = app.MapGroup("/clinic/patients/{patientId:int}").RequireAuthorization(HospitalModule.Clinic).ExcludeFromDescription();
        // Older timeline pages (GET: reads only; the opening itself was audited by the page).
        clinic.MapGet("/chart/visits", async (int patientId, int? page, ChartQueries chart, CancellationToken ct) =>
            new RazorComponentResult<ChartTimeline>(new Dictionary<string, object?>
            {
                [nameof(ChartTimeline.PatientId)] = patientId,
                [nameof(ChartTimeline.Page)] = await chart.TimelineAsync(patientId, page ?? 1, ct),
            }));
        clinic.MapGet("/visits/{visitId:int}/export.xml", (int patientId, int visitId, VisitRecordExport export, CancellationToken ct) =>
            ExportAsync(export, visitId, patientId, xml: true, ct));
        clinic.MapGet("/visits/{visitId:int}/export.json", (int patientId, int visitId, VisitRecordExport export, CancellationToken ct) =>
            ExportAsync(export, visitId, patientId, xml: false, ct));

        var api = app.MapGroup("/api/v1/visits/{visitId:int}").WithTags("Bệnh án điện tử").RequireAuthorization(HospitalModule.Clinic);
        api.MapGet("/record.xml", (int visitId, VisitRecordExport export, CancellationToken ct) => ExportAsync(export, visitId, null, xml: true, ct))
            .WithSummary("Hồ sơ bệnh án của lượt khám theo CV 365/TTYQG-GPQLCL (gốc HoSoBenhAn), dạng XML. Mỗi lần xuất được ghi nhật ký.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/record.json", (int visitId, VisitRecordExport export, CancellationToken ct) => ExportAsync(export, visitId, null, xml: false, ct))
            .WithSummary("Hồ sơ bệnh án của lượt khám theo CV 365/TTYQG-GPQLCL (gốc HoSoBenhAn), dạng JSON. Mỗi lần xuất được ghi nhật ký.")
            .Produces<HoSoBenhAn>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ExportAsync(VisitRecordExport export, int visitId, int? patientId, bool xml, CancellationToken ct)
    {
        var record = await export.BuildAsync(visitId, patientId, ct);
        if (record is null) return Api.ApiProblems.Result(StatusCodes.Status404NotFound, "Không tìm thấy lượt khám.");
        await export.RecordExportAsync(visitId, ct);
        var name = $"HoSoBenhAn-{record.ThongTinVaoVien.ma_lk}.{(xml ? "xml" : "json")}";
        return xml
            ? Results.File(HoSoBenhAnFormat.ToXml(record), "application/xml; charset=utf-8", name)
            : Results.File(HoSoBenhAnFormat.ToJson(record), "application/json; charset=utf-8", name);
    }
}
