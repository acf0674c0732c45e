using System.Text.Json;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Api;
using Hospital.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace Hospital.Web.Features.Dispensing;

/// <summary>
/// Issue 7 "API contract" (keep the field names stable): <c>GET /api/v1/prescriptions/{id}</c>
/// (pharmacists and doctors) and <c>POST /api/v1/prescriptions/{id}/dispense</c> <c>{ "store" }</c>
/// (pharmacists). The API never dispenses partially: 409 when the store cannot cover the whole
/// prescription, with nothing allocated. Enums are camelCase strings.
/// </summary>
public static class PrescriptionsApi
{
    /// <summary>Body of the dispense call: <c>store</c> is the contract; the receiver is required for narcotic and psychotropic forms.</summary>
    public sealed record DispenseBody(string? Store, string? ReceiverName = null, string? ReceiverIdNumber = null, string? Note = null);

    public sealed record DispensedLotDto(string DrugCode, string Lot, string Expiry, decimal Quantity);

    public sealed record DispenseResultDto(int PrescriptionId, int DispensationId, string Number, string DispensingStatus, IReadOnlyList<DispensedLotDto> Lots);

    public sealed record PrescriptionLineDto(int Id, string DrugCode, string DrugName, string Unit, decimal Quantity, string? Usage, decimal Dispensed, decimal Pending);

    public sealed record PrescriptionDto(int Id, int VisitId, int PatientId, string Status, string Form, string? NationalCode, string NationalStatus,
        DateTime? NationalSentAt, string? NationalMessage, string DispensingStatus, IReadOnlyList<PrescriptionLineDto> Lines);

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/prescriptions/{id:int}", GetAsync)
            .RequireAuthorization(DispensingFeature.ReadPolicy)
            .WithSummary("Một đơn thuốc: trạng thái, mã đơn thuốc quốc gia và trạng thái gửi, tình trạng cấp phát, các dòng thuốc với số đã cấp và còn chờ.")
            .Produces<PrescriptionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The body is read by hand (see VisitsApi): a bound JSON body would make routing refuse an anonymous form post before authorization.
        api.MapPost("/prescriptions/{id:int}/dispense", DispenseAsync)
            .RequireAuthorization(Platform.Security.HospitalModule.Pharmacy)
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(DispenseBody), null, ct) },
                },
            })
            .WithSummary("Cấp phát toàn bộ đơn thuốc tại kho {store} theo FEFO → 200 các lô đã cấp.")
            .WithDescription("Không cấp một phần: 409 khi kho không đủ (không trừ kho gì), 422 khi thiếu/sai mã kho, đơn không cấp phát được (chưa ký, đã hủy, quá 5 ngày, đã cấp đủ) hoặc đơn gây nghiện/hướng thần thiếu người nhận, 404 không có đơn.")
            .Produces<DispenseResultDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>An enum value as the API spells it: camelCase ("notSent", "partial").</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static async Task<IResult> GetAsync(int id, HospitalDbContext db, CancellationToken ct)
    {
        var p = await db.Set<Prescription>().AsNoTracking().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return ApiProblems.Result(StatusCodes.Status404NotFound, $"Không tìm thấy đơn thuốc #{id}.");
        var done = DispensingProgress.ByLine(await DispensingProgress.MovementsAsync(db, id, ct));
        var lines = p.Lines.OrderBy(l => l.Position).Select(l =>
        {
            var dispensed = done.GetValueOrDefault(l.Id).Dispensed;
            return new PrescriptionLineDto(l.Id, l.DrugCode, l.DrugName, l.Unit, l.Quantity, l.Usage, dispensed,
                p.DispensingStatus == DispensingStatus.Closed ? 0 : Math.Max(0, l.Quantity - dispensed));
        }).ToList();
        return Results.Ok(new PrescriptionDto(p.Id, p.VisitId, p.PatientId, Name(p.Status), Name(p.Form), p.NationalCode, Name(p.NationalStatus),
            p.NationalSentAt, p.NationalMessage, Name(p.DispensingStatus), lines));
    }

    private static async Task<IResult> DispenseAsync(int id, PrescriptionDispensing dispensing, HospitalDbContext db, HttpContext http, CancellationToken ct)
    {
        DispenseBody? body = null;
        if (http.Request.HasJsonContentType())
        {
            try { body = await http.Request.ReadFromJsonAsync<DispenseBody>(BodyJson, ct); }
            catch (JsonException e) { return ApiProblems.Result(StatusCodes.Status400BadRequest, $"JSON không hợp lệ: {e.Message}"); }
        }
        if (string.IsNullOrWhiteSpace(body?.Store))
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "Thiếu mã kho cấp phát (store).");
        var outcome = await dispensing.DispenseAsync(id, new DispenseRequest(body.Store, AllowPartial: false, body.ReceiverName, body.ReceiverIdNumber, body.Note),
            http.User.Identity?.Name ?? HttpAuditUser.Anonymous, ct);
        switch (outcome.Kind)
        {
            case DispenseOutcomeKind.NotFound: return ApiProblems.Result(StatusCodes.Status404NotFound, outcome.Error);
            case DispenseOutcomeKind.Invalid: return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, outcome.Error);
            case DispenseOutcomeKind.Short: return ApiProblems.Result(StatusCodes.Status409Conflict, outcome.Error);
        }
        var status = await db.Set<Prescription>().AsNoTracking().Where(p => p.Id == id).Select(p => p.DispensingStatus).SingleAsync(ct);
        return Results.Ok(new DispenseResultDto(id, outcome.DispensationId!.Value, outcome.Number!, Name(status),
            outcome.Lots.Select(l => new DispensedLotDto(l.DrugCode, l.LotNumber, l.Expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), l.Quantity)).ToList()));
    }
}
