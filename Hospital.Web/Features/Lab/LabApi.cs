using System.Text.Json;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Lab;
using Hospital.Lis.Catalog;
using Hospital.Lis.Specimens;
using Hospital.Web.Api;
using Microsoft.OpenApi;

namespace Hospital.Web.Features.Lab;

/// <summary>
/// The lab API of issue 5 ("API contract": keep the field names stable): <c>GET /api/v1/lab-tests</c>,
/// <c>POST /api/v1/lab-orders</c>, <c>POST /api/v1/specimens/{barcode}/receive</c>. Lab role (cookie or API key).
/// </summary>
public static class LabApi
{
    public sealed record LabTestDto(string Code, string Name, string? Unit, string SpecimenType, string ResultType);
    public sealed record LabTestList(IReadOnlyList<LabTestDto> Items);

    /// <summary>Body of <c>POST /api/v1/lab-orders</c>: patientId or visitId, test codes, priority routine|stat.</summary>
    public sealed record PlaceLabOrderBody(int? PatientId, int? VisitId, IReadOnlyList<string>? Tests, string? Priority);
    public sealed record SpecimenDto(string Barcode, string SpecimenType, IReadOnlyList<string> Tests);
    public sealed record PlacedLabOrderDto(long OrderId, IReadOnlyList<SpecimenDto> Specimens);

    public sealed record ReceivedSpecimenDto(string Barcode, string SpecimenType, long OrderId, int PatientId, DateTime ReceivedAt,
        bool AlreadyReceived, IReadOnlyList<ReceivedTestDto> Tests);
    public sealed record ReceivedTestDto(string Code, string Name, string Status);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/lab-tests", async (LabCatalog catalog, CancellationToken ct) =>
            {
                var tests = await catalog.ActiveTestsAsync(ct);
                return new LabTestList(tests.Select(t => new LabTestDto(t.Code, t.Name, t.Unit, LabNames.Api(t.SpecimenType), LabNames.Api(t.ResultType))).ToList());
            })
            .WithSummary("Danh mục xét nghiệm: {items: [{code, name, unit, specimenType, resultType: numeric|text|coded}]}.");

        // Read by hand rather than bound, like VisitsApi: a bound JSON body makes routing refuse other
        // content types before authorization runs.
        api.MapPost("/lab-orders", PlaceAsync)
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(PlaceLabOrderBody), null, ct) },
                },
            })
            .WithSummary("Chỉ định xét nghiệm: {patientId | visitId, tests: [mã], priority: routine|stat} → 201 {orderId, specimens: [{barcode, specimenType, tests}]}.")
            .WithDescription("Lỗi: 400 dữ liệu sai dạng, 404 không có người bệnh/lượt khám, 422 mã xét nghiệm không có trong danh mục (không lưu gì).")
            .Produces<PlacedLabOrderDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/specimens/{barcode}/receive", async (string barcode, SpecimenReceipt receipt, CancellationToken ct) =>
            {
                try
                {
                    var r = await receipt.ReceiveAsync(barcode, ct);
                    return Results.Ok(new ReceivedSpecimenDto(r.Barcode, LabNames.Api(r.SpecimenType), r.LabOrderId, r.PatientId, r.ReceivedAt,
                        r.AlreadyReceived, r.Tests.Select(t => new ReceivedTestDto(t.Code, t.Name, LabNames.Api(t.Status))).ToList()));
                }
                catch (DomainException e)
                {
                    return ApiProblems.Result(StatusCodes.Status404NotFound, e.Message);
                }
            })
            .WithSummary("Nhận ống mẫu tại khoa xét nghiệm theo mã vạch → 200 {barcode, specimenType, tests}; quét lại ống đã nhận không đổi gì (alreadyReceived).")
            .Produces<ReceivedSpecimenDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    private static async Task<IResult> PlaceAsync(LabOrdering ordering, HttpContext http, CancellationToken ct)
    {
        PlaceLabOrderBody? body = null;
        if (http.Request.HasJsonContentType())
        {
            try { body = await http.Request.ReadFromJsonAsync<PlaceLabOrderBody>(BodyJson, ct); }
            catch (JsonException e) { return Problem(StatusCodes.Status400BadRequest, new() { [""] = [$"JSON không hợp lệ: {e.Message}"] }); }
        }
        if (body is null)
            return Problem(StatusCodes.Status400BadRequest, new() { [""] = ["Cần nội dung JSON (Content-Type: application/json)."] });
        var errors = new Dictionary<string, string[]>();
        if (body.PatientId is null && body.VisitId is null) errors["patientId"] = ["Cần mã người bệnh (patientId) hoặc mã lượt khám (visitId)."];
        if (body.Tests is not { Count: > 0 }) errors["tests"] = ["Chưa có mã xét nghiệm nào (tests)."];
        var priority = body.Priority?.Trim().ToLowerInvariant() switch
        {
            null or "" or "routine" => OrderPriority.Routine,
            "stat" => OrderPriority.Stat,
            _ => (OrderPriority?)null,
        };
        if (priority is null) errors["priority"] = ["Mức ưu tiên (priority) phải là \"routine\" hoặc \"stat\"."];
        if (errors.Count > 0) return Problem(StatusCodes.Status400BadRequest, errors);

        var result = await ordering.PlaceAsync(new LabOrderRequest(body.PatientId, body.VisitId, body.Tests!, priority!.Value), ct);
        if (result.Order is { } order)
            return TypedResults.Created($"/api/v1/lab-orders/{order.Id}", new PlacedLabOrderDto(order.Id,
                order.Specimens.Select(s => new SpecimenDto(s.Barcode, LabNames.Api(s.SpecimenType), s.Tests.Select(t => t.TestCode).ToList())).ToList()));
        var status = result.Failure switch
        {
            LabOrderFailure.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Problem(status, result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
    }

    private static IResult Problem(int status, Dictionary<string, string[]> errors) => ApiProblems.Result(status, errors: errors);
}
