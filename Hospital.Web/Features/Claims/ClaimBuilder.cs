using System.Security.Cryptography;
using System.Text.Json;
using Hospital.Domain.Catalog;
using Hospital.Domain.Insurance.Claims;
using Hospital.Integration.Bhxh.Claims;
using Hospital.Web.Features.Insurance;
using Hospital.Web.Platform;

namespace Hospital.Web.Features.Claims;

/// <summary>A claim version built from an episode, not yet stored: the <see cref="Claim"/> row (Ready and signed, or Invalid with its errors) and its line money.</summary>
public sealed record BuiltClaim(ClaimEpisode Episode, Claim Claim, IReadOnlyList<ClaimLine> Lines, IReadOnlyList<ClaimError> Errors);

/// <summary>
/// Validates an episode, and when it passes writes and signs its GIAMDINHHS file (XMLDSig RSA-SHA256 in
/// CHUKYDONVI with the facility certificate); either way fills the claim's board fields and XML1 totals
/// and one <see cref="ClaimLine"/> per XML2/XML3 row. Holds nothing between calls, so a batch of
/// thousands streams through it (<see cref="BuildAllAsync"/>).
/// </summary>
public sealed class ClaimBuilder(ClaimEpisodeLoader loader, FacilitySigning signing, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ClaimEpisodeLoader Loader => loader;

    /// <summary>
    /// Loads, validates and signs the claims of many visits, a batch at a time (the monthly run and the
    /// benchmark), in the order asked. While one batch is built on every core, the next one is read from
    /// the database, so neither waits for the other; at most three batches are in memory.
    /// </summary>
    public async IAsyncEnumerable<BuiltClaim> BuildAllAsync(
        IAsyncEnumerable<int> visitIds, string user, int batchSize = ClaimEpisodeLoader.DefaultBatchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var catalog = await loader.CatalogAsync(ct);
        Task<BuiltClaim[]>? building = null;
        await foreach (var batch in loader.BatchesAsync(visitIds, batchSize, ct))
        {
            var next = Task.Run(() => BuildBatch(batch, catalog, user, ct), ct);
            if (building is not null)
                foreach (var built in await building) yield return built;
            building = next;
        }
        if (building is not null)
            foreach (var built in await building) yield return built;
    }

    private BuiltClaim[] BuildBatch(IReadOnlyList<ClaimEpisode> batch, ClaimCatalog catalog, string user, CancellationToken ct)
    {
        var built = new BuiltClaim[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = ct }, i => built[i] = Build(batch[i], catalog, user));
        return built;
    }

    public BuiltClaim Build(ClaimEpisode e, ClaimCatalog catalog, string user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = ClaimValidator.Validate(e, catalog).Select(f => ClaimFixLinks.ToError(f, e.Sources)).ToList();
        byte[]? signed = null;
        if (errors.Count == 0)
        {
            try
            {
                signed = ClaimEnvelope.BuildSigned(e, VietnamTime.Today(clock), signing.Signer);
            }
            catch (Exception ex) when (ex is InvalidOperationException or CryptographicException)
            {
                // No usable facility certificate: the claim cannot go out, and finance must know why.
                errors.Add(new ClaimError(ClaimEnvelope.SignatureSlot, ClaimEnvelope.SignatureSlot, ex.Message, "/admin/facility"));
            }
        }
        var s = e.Summary;
        var claim = new Claim
        {
            VisitId = e.Sources.VisitId,
            MaLk = s.MaLk,
            Status = errors.Count == 0 ? ClaimStatus.Ready : ClaimStatus.Invalid,
            BuiltAt = now,
            BuiltBy = user,
            EndDate = DateOnly.FromDateTime(s.NgayRa),
            DepartmentId = e.Sources.DepartmentId,
            DoctorStaffId = e.Sources.DoctorStaffId,
            BenefitCategoryCode = s.MaDoiTuongKcb,
            PatientId = e.Sources.PatientId,
            SettlementPeriod = s.NamQt * 100 + s.ThangQt,
            TotalCost = s.TTongChiBv,
            InsuranceCost = s.TTongChiBh,
            InsurancePays = s.TBhtt,
            CoPayment = s.TBncct,
            PatientOutOfScope = s.TBntt,
            OtherSources = s.TNguonKhac,
            MucHuong = e.Drugs.Select(d => d.Money.MucHuong).Concat(e.Services.Select(x => x.Money.MucHuong)).FirstOrDefault(),
            ErrorsJson = JsonSerializer.Serialize(errors, Json),
            SignedXml = signed,
        };
        var lines = e.Drugs.Select(d => Line(2, d.Stt, d.MaThuoc, d.MaNhom, d.MaKhoa, d.SoLuong, d.Money))
            .Concat(e.Services.Select(x => Line(3, x.Stt, (x.IsSupply ? x.MaVatTu : x.MaDichVu) ?? "", x.MaNhom, x.MaKhoa, x.SoLuong, x.Money)))
            .ToList();
        return new BuiltClaim(e, claim, lines, errors);
    }

    /// <summary>The errors of a stored claim version.</summary>
    public static IReadOnlyList<ClaimError> ErrorsOf(Claim claim) =>
        JsonSerializer.Deserialize<List<ClaimError>>(claim.ErrorsJson, Json) ?? [];

    private static ClaimLine Line(int table, int stt, string code, int group, string? department, decimal quantity, ClaimRowMoney m) => new()
    {
        Table = table, Stt = stt, ItemCode = code, CostGroup = (BhytCostGroup)group, DepartmentCode = department ?? "",
        Quantity = quantity, ThanhTienBv = m.ThanhTienBv, ThanhTienBh = m.ThanhTienBh,
        Bhtt = m.TBhtt, Bncct = m.TBncct, Bntt = m.TBntt, NguonKhac = m.TNguonKhac,
    };
}
