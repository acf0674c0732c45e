using System.Globalization;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Web.Api;
using Hospital.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Reception;

/// <summary>
/// Patients over the JSON API for kiosks and booking systems (issue 3 "API contract", keep it
/// stable): search, register, read. Reception module: reception users and API keys with the
/// reception role.
/// </summary>
public static class PatientApi
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    /// <summary>POST body. Dates travel as "yyyy-MM-dd" strings so a bad one gets a Vietnamese message, not a binder error.</summary>
    public sealed record NewPatientRequest(
        string? FullName, string? BirthDate, int? BirthYear, string? Sex, string? Cccd, string? Phone, string? Address,
        string? ProvinceCode, string? CommuneCode, string? EthnicityCode, string? BhytCardNumber, string? BhytValidFrom,
        string? BhytValidTo, string? BhytPrimaryFacilityCode, string? GuardianName, string? GuardianPhone,
        string? OccupationCode, string? NationalityCode, string? OldIdNumber, string? GuardianRelation, bool? ConfirmDuplicate);

    public sealed record PatientItem(
        int Id, string PatientCode, string FullName, string? BirthDate, int BirthYear, string Sex, string? Cccd,
        string? BhytCardNumber, string? Phone, string? Address);

    public sealed record PatientDetail(
        int Id, string PatientCode, string FullName, string? BirthDate, int BirthYear, string Sex, string? Cccd, string? Phone,
        string? Address, string? ProvinceCode, string? CommuneCode, string? EthnicityCode, string? OccupationCode,
        string? NationalityCode, string? BhytCardNumber, string? BhytValidFrom, string? BhytValidTo, string? BhytPrimaryFacilityCode,
        string? GuardianName, string? GuardianPhone, int? MergedIntoId, IReadOnlyList<string> Allergies);

    public static RouteGroupBuilder MapPatientApi(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").RequireAuthorization(HospitalModule.Reception);

        patients.MapGet("", async (string? q, int? take, HospitalDbContext db, Platform.AdministrativeUnitNames units, CancellationToken ct) =>
            {
                if (take is < 1 or > MaxTake)
                    return ApiProblems.Result(StatusCodes.Status400BadRequest, errors: new Dictionary<string, string[]> { ["take"] = [$"take từ 1 đến {MaxTake}."] });
                var found = await PatientSearch.FindAsync(db, q, take ?? DefaultTake, ct);
                var rows = await PatientRows.LoadAsync(db, found.PatientIds, ct);
                var address = await units.FormatterAsync(ct);
                var items = rows.Select(r => new PatientItem(r.Id, r.Code, r.FullName, IsoDate(r.DateOfBirth), r.BirthYear, SexCode(r.Sex),
                    r.Cccd, r.CardNumber, r.Phone, NullIfEmpty(address(r.AddressLine, r.CommuneCode, r.ProvinceCode)))).ToList();
                return Results.Ok(new ListResult<PatientItem>(items, found.Total));
            })
            .WithSummary("Tìm người bệnh: họ tên (không dấu, mọi kiểu chữ), mã BN, CCCD, số điện thoại, mã thẻ BHYT, mã số BHXH 10 số, năm sinh. Kết quả khớp nhất đứng đầu; total đếm tối đa 1000.")
            .Produces<ListResult<PatientItem>>()
            .ProducesValidationProblem();

        patients.MapGet("/{id:int}", async (int id, HospitalDbContext db, CancellationToken ct) =>
                await DetailAsync(db, id, ct) is { } p ? Results.Ok(p) : ApiProblems.Result(StatusCodes.Status404NotFound, "Không có người bệnh này."))
            .WithSummary("Hồ sơ một người bệnh (kèm thẻ BHYT mới nhất và dị ứng). Hồ sơ đã gộp có mergedIntoId trỏ tới hồ sơ còn lại.")
            .Produces<PatientDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        patients.MapPost("", async (HttpContext http, PatientRegistration registration, HospitalDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                NewPatientRequest? body;
                try
                {
                    body = await http.Request.ReadFromJsonAsync<NewPatientRequest>(ct);
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    return ApiProblems.Result(StatusCodes.Status400BadRequest, "Nội dung gửi lên không phải JSON hợp lệ theo mẫu hồ sơ người bệnh.");
                }
                if (body is null) return ApiProblems.Result(StatusCodes.Status400BadRequest, "Thiếu nội dung hồ sơ người bệnh.");
                var (input, formatErrors) = ToInput(body);
                if (formatErrors.Count > 0) return ApiProblems.Result(StatusCodes.Status400BadRequest, errors: formatErrors);

                var result = await registration.CreateAsync(input, ReceptionFeature.Clerk(http, clock), ct);
                if (result.Duplicate is { } d)
                    return ApiProblems.Result(StatusCodes.Status409Conflict, d.Message, extensions: new Dictionary<string, object?>
                    {
                        ["id"] = d.ExistingId,
                        ["patientCode"] = d.ExistingCode,
                        ["duplicate"] = d.Kind switch { DuplicateKind.Cccd => "cccd", DuplicateKind.BhytCard => "bhytCard", _ => "nameBirthCommune" },
                    });
                if (!result.Succeeded)
                    return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "Hồ sơ người bệnh chưa hợp lệ, chưa lưu gì.",
                        result.Errors.ToDictionary());
                var created = await DetailAsync(db, result.Patient!.Id, ct);
                return Results.Created($"/api/v1/patients/{result.Patient.Id}", created);
            })
            .WithSummary("Tạo hồ sơ người bệnh (ki-ốt, đặt lịch). 400: JSON hoặc định dạng trường sai; 422: vi phạm quy tắc, errors theo tên trường; " +
                         "409: trùng CCCD hoặc thẻ BHYT (mã số BHXH), hoặc trùng họ tên + ngày/năm sinh + xã (khi đó gửi lại với \"confirmDuplicate\": true nếu đúng là người khác); " +
                         "phần mở rộng id và patientCode là hồ sơ đã có.")
            // The body is read by hand (Vietnamese message for bad JSON), so it is described here rather than with
            // Accepts<T>(), whose content-type check would send a form post to the /api 404 fallback instead of 401/415.
            .AddOpenApiOperationTransformer(async (op, ctx, ct) =>
            {
                var schema = await ctx.GetOrCreateSchemaAsync(typeof(NewPatientRequest), null, ct);
                op.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "Hồ sơ người bệnh; ngày dạng yyyy-MM-dd, sex \"M\" | \"F\"; trường lạ được bỏ qua.",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                };
            })
            .Produces<PatientDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return patients;
    }

    /// <summary>Field formats the JSON cannot express; the business rules are the registration's.</summary>
    private static (PatientInput Input, Dictionary<string, string[]> Errors) ToInput(NewPatientRequest b)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors[field] = [$"Ngày \"{text}\" phải có dạng yyyy-MM-dd."];
            return null;
        }
        Sex? sex = b.Sex?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "M" => Sex.Male,
            "F" => Sex.Female,
            _ => null,
        };
        if (sex is null && !string.IsNullOrWhiteSpace(b.Sex)) errors[PatientFields.Sex] = ["Giới tính là \"M\" (nam) hoặc \"F\" (nữ)."];
        var input = new PatientInput
        {
            FullName = b.FullName,
            DateOfBirth = Date(b.BirthDate, PatientFields.BirthDate),
            BirthYear = b.BirthYear,
            Sex = sex,
            Cccd = b.Cccd,
            OldIdNumber = b.OldIdNumber,
            Phone = b.Phone,
            AddressLine = b.Address,
            ProvinceCode = b.ProvinceCode,
            CommuneCode = b.CommuneCode,
            EthnicityCode = b.EthnicityCode,
            OccupationCode = b.OccupationCode,
            NationalityCode = b.NationalityCode,
            BhytCardNumber = b.BhytCardNumber,
            BhytValidFrom = Date(b.BhytValidFrom, PatientFields.BhytValidFrom),
            BhytValidTo = Date(b.BhytValidTo, PatientFields.BhytValidTo),
            BhytRegisteredFacilityCode = b.BhytPrimaryFacilityCode,
            GuardianName = b.GuardianName,
            GuardianPhone = b.GuardianPhone,
            GuardianRelation = b.GuardianRelation,
            ConfirmDuplicate = b.ConfirmDuplicate ?? false,
        };
        return (input, errors);
    }

    private static async Task<PatientDetail?> DetailAsync(HospitalDbContext db, int id, CancellationToken ct)
    {
        var p = await db.Set<Patient>().AsNoTracking().Include(x => x.BhytCards).Include(x => x.Allergies)
            .FirstOrDefaultAsync(x => x.Id == id && x.VoidedAt == null, ct);
        if (p is null) return null;
        var card = p.BhytCards.Where(c => c.VoidedAt is null).MaxBy(c => c.ValidTo);
        return new PatientDetail(p.Id, p.Code, p.FullName, IsoDate(p.DateOfBirth), p.BirthYear, SexCode(p.Sex), p.Cccd, p.Phone,
            p.AddressLine, p.ProvinceCode, p.CommuneCode, p.EthnicityCode, p.OccupationCode, p.NationalityCode,
            card?.Number, IsoDate(card?.ValidFrom), IsoDate(card?.ValidTo), card?.RegisteredFacilityCode,
            p.GuardianName, p.GuardianPhone, p.MergedIntoId,
            p.Allergies.Where(a => a.VoidedAt is null).Select(a => a.Substance).ToList());
    }

    private static string SexCode(Sex s) => s switch { Sex.Male => "M", Sex.Female => "F", _ => "U" };
    private static string? IsoDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
