using System.Text.Json;
using Hospital.Domain.Billing;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace Hospital.Web.Features.Visits;

/// <summary>
/// Visit registration for kiosks and online-booking systems (issue 3 "API contract"; keep the
/// field names stable): <c>POST /api/v1/visits</c>, <c>GET /api/v1/visits/{id}</c>,
/// <c>GET /api/v1/rooms</c>. Reception role (cookie or API key).
/// </summary>
public static class VisitsApi
{
    /// <summary>Body of <c>POST /api/v1/visits</c>. The first five fields are the contract; the rest are optional extras.</summary>
    public sealed record RegisterVisitBody(
        int? PatientId, string? Kind, string? RoomCode, string? Reason, bool? Emergency,
        string? Priority = null, string? CardPresentation = null, bool? HasAppointmentSlip = null,
        string? ReferralFromFacilityCode = null, string? ReferralNumber = null, string? ReferralDiagnosisCode = null,
        string? ReferralDiagnosisText = null, DateOnly? ReferralDate = null);

    public sealed record RegisteredVisitDto(
        int Id, string VisitCode, string MaLk, int TicketNumber, string RoomCode,
        string Priority, string? BenefitCategoryCode, decimal? PayableSharePercent, decimal ExamFee);

    public sealed record VisitDto(
        int Id, string VisitCode, string MaLk, int PatientId, string PatientCode, string PatientName,
        string Kind, string Status, DateOnly VisitDate, DateTime RegisteredAt, string RoomCode, string RoomName, string DepartmentCode,
        int? TicketNumber, string? TicketStatus, string Priority, bool Emergency, string? Reason,
        string? CardNumber, string? BenefitCategoryCode, decimal? PayableSharePercent, string CardCheck, string? CardCheckMessage,
        decimal ExamFee, DateTime? CancelledAt, string? CancelReason);

    public sealed record RoomDto(string RoomCode, string Name, string DepartmentCode, string DepartmentName, int Waiting);

    public static void Map(RouteGroupBuilder api)
    {
        // The body is read by hand rather than bound: a bound JSON body makes routing refuse other
        // content types before authorization runs (an anonymous form post would get the API's 404
        // instead of 401), so the request schema is added to the OpenAPI operation here.
        api.MapPost("/visits", RegisterAsync)
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(RegisterVisitBody), null, ct) },
                },
            })
            .WithSummary("Đăng ký lượt khám ngoại trú: {patientId, kind: bhyt|fee|free, roomCode, reason, emergency} → 201 {id, visitCode, maLk, ticketNumber, roomCode}.")
            .WithDescription("Lỗi: 400 dữ liệu sai dạng, 422 vi phạm quy tắc (thẻ BHYT hết hạn, phòng ngừng hoạt động...), 404 không có người bệnh/phòng, 409 người bệnh đã có lượt khám chưa kết thúc tại phòng hôm nay (existingVisitId). errors: thông báo tiếng Việt theo tên trường.")
            .Produces<RegisteredVisitDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/visits/{id:int}", GetAsync)
            .WithSummary("Một lượt khám: mã, MA_LK, số thứ tự, phòng, đối tượng và mức hưởng BHYT, trạng thái kiểm tra thẻ, công khám.")
            .Produces<VisitDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/rooms", async (HospitalDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var rooms = await RoomWaitingCounts.ForDayAsync(db, VietnamCalendar.Today(clock), ct);
                var items = rooms.Where(r => r.HasExamService)
                    .Select(r => new RoomDto(r.RoomCode, r.RoomName, r.DepartmentCode, r.DepartmentName, r.Waiting)).ToList();
                return new ListResult<RoomDto>(items, items.Count);
            })
            .WithSummary("Phòng khám nhận đăng ký hôm nay và số người đang chờ: {items: [{roomCode, name, departmentCode, waiting}]}.");
    }

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    private static async Task<IResult> RegisterAsync(VisitRegistration registration, Queues.Board.QueueNotifier queueChanged, HttpContext http, CancellationToken ct)
    {
        RegisterVisitBody? body = null;
        if (http.Request.HasJsonContentType())
        {
            try { body = await http.Request.ReadFromJsonAsync<RegisterVisitBody>(BodyJson, ct); }
            catch (JsonException e) { return Problem(StatusCodes.Status400BadRequest, new() { [""] = [$"JSON không hợp lệ: {e.Message}"] }); }
        }
        if (body is null)
            return Problem(StatusCodes.Status400BadRequest, new() { [""] = ["Cần nội dung JSON (Content-Type: application/json)."] });
        var errors = new Dictionary<string, string[]>();
        if (body.PatientId is not > 0) errors[VisitFields.PatientId] = ["Thiếu mã người bệnh (patientId)."];
        var kind = ParseKind(body.Kind);
        if (kind is null) errors[VisitFields.Kind] = ["Hình thức khám (kind) phải là \"bhyt\", \"fee\" hoặc \"free\"."];
        if (string.IsNullOrWhiteSpace(body.RoomCode)) errors[VisitFields.Room] = ["Thiếu mã phòng khám (roomCode)."];
        PriorityGroup? priority = null;
        if (body.Priority is { Length: > 0 })
        {
            if (Enum.TryParse<PriorityGroup>(body.Priority, true, out var p) && Enum.IsDefined(p)) priority = p;
            else errors[VisitFields.Priority] = ["Nhóm ưu tiên không hợp lệ."];
        }
        var presentation = CardPresentation.None;
        if (body.CardPresentation is { Length: > 0 } && !(Enum.TryParse(body.CardPresentation, true, out presentation) && Enum.IsDefined(presentation)))
            errors["cardPresentation"] = ["Hình thức xuất trình thẻ không hợp lệ."];
        if (errors.Count > 0) return Problem(StatusCodes.Status400BadRequest, errors);

        var result = await registration.RegisterAsync(new VisitRequest
        {
            PatientId = body.PatientId!.Value,
            Kind = kind!.Value,
            RoomCode = body.RoomCode,
            Reason = body.Reason,
            Emergency = body.Emergency ?? false,
            Priority = priority,
            CardPresentation = presentation,
            HasAppointmentSlip = body.HasAppointmentSlip ?? false,
            Referral = new ReferralPaper(body.ReferralFromFacilityCode, body.ReferralNumber, body.ReferralDiagnosisCode,
                body.ReferralDiagnosisText, body.ReferralDate),
        }, ct);
        if (result.Visit is { } v)
        {
            queueChanged.Changed();
            return TypedResults.Created($"/api/v1/visits/{v.Id}", new RegisteredVisitDto(v.Id, v.VisitCode, v.MaLk, v.TicketNumber, v.RoomCode,
                Name(v.Priority), v.BenefitCategoryCode, v.PayableSharePercent, v.ExamFee));
        }
        var status = result.Failure switch
        {
            VisitRegistrationFailure.NotFound => StatusCodes.Status404NotFound,
            VisitRegistrationFailure.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Problem(status, result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), result.ExistingVisitId);
    }

    private static async Task<IResult> GetAsync(int id, HospitalDbContext db, CancellationToken ct)
    {
        var v = await db.Set<Visit>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                Visit = x,
                PatientCode = x.Patient!.Code,
                PatientName = x.Patient.FullName,
                RoomCode = x.Room!.Code,
                RoomName = x.Room.Name,
                DepartmentCode = x.Department!.Code,
                Ticket = db.Set<QueueTicket>().Where(t => t.VisitId == x.Id).Select(t => new { t.Number, t.Status }).FirstOrDefault(),
                ExamFee = db.Set<Charge>().Where(c => c.VisitId == x.Id && c.CostGroup == Hospital.Domain.Catalog.BhytCostGroup.Exam)
                    .OrderBy(c => c.Id).Select(c => (decimal?)(c.Quantity * c.UnitPrice)).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (v is null) return ApiProblems.Result(StatusCodes.Status404NotFound, "Không tìm thấy lượt khám.");
        var x = v.Visit;
        return TypedResults.Ok(new VisitDto(x.Id, x.Code, x.MaLk, x.PatientId, v.PatientCode, v.PatientName,
            KindName(x.Kind), Name(x.Status), x.VisitDate, x.RegisteredAt, v.RoomCode, v.RoomName, v.DepartmentCode,
            v.Ticket?.Number, v.Ticket is null ? null : Name(v.Ticket.Status), Name(x.Priority), x.Emergency, x.Reason,
            x.CardNumber, x.BenefitCategoryCode, x.PayableSharePercent, Name(x.CardCheck), x.CardCheckMessage,
            v.ExamFee ?? 0, x.VoidedAt, x.VoidReason));
    }

    public static VisitKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "bhyt" => VisitKind.Bhyt,
        "fee" => VisitKind.Fee,
        "free" => VisitKind.Free,
        _ => null,
    };

    public static string KindName(VisitKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Enum values in the API's camelCase ("childUnder6", "waiting").</summary>
    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A problem with the status asked for and errors keyed by field (TypedResults.ValidationProblem is always 400).</summary>
    private static IResult Problem(int status, Dictionary<string, string[]> errors, int? existingVisitId = null) =>
        ApiProblems.Result(status, errors: errors,
            extensions: existingVisitId is { } id ? new Dictionary<string, object?> { ["existingVisitId"] = id } : null);
}
