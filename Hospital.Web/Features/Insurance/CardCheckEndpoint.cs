using System.Globalization;
using System.Security.Claims;
using Hospital.Domain.Insurance;
using Hospital.Integration.Bhxh;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// <c>POST /reception/card-check</c> (htmx): the reception form asks the portal about a card at
/// once, with a short timeout, and gets the <see cref="CardCheckResult"/> fragment back. Nothing
/// is stored here: the registration records the visit's check; when the portal is down the
/// clerk registers anyway and the outbox checks the card later.
/// Form fields: <c>cardNumber</c> (15-character code or 12-digit CCCD), <c>fullName</c>,
/// <c>birthDate</c> (dd/MM/yyyy or yyyy).
/// </summary>
public static class CardCheckEndpoint
{
    public static void MapCardCheckEndpoint(this WebApplication app)
    {
        app.MapPost("/reception/card-check", CheckAsync).RequireAuthorization(HospitalModule.Reception);
    }

    private static async Task<RazorComponentResult<CardCheckResult>> CheckAsync(
        [FromForm] string? cardNumber, [FromForm] string? fullName, [FromForm] string? birthDate,
        ClaimsPrincipal user, IBhxhPortal portal, CardCheckOfficers officers, IOptions<BhxhOptions> options, HttpContext http)
    {
        var view = await DecideAsync(cardNumber, fullName, birthDate, user, portal, officers, options.Value, http.RequestAborted);
        return new RazorComponentResult<CardCheckResult>(new { View = view });
    }

    internal static async Task<CardCheckView> DecideAsync(string? cardNumber, string? fullName, string? birthDate, ClaimsPrincipal user,
        IBhxhPortal portal, CardCheckOfficers officers, BhxhOptions options, CancellationToken aborted)
    {
        var number = BhytCardCode.Normalize(cardNumber);
        var errors = new List<string>();
        if (!(number.Length == 12 && number.All(char.IsAsciiDigit)) && BhytCardCode.TryParse(number, out var cardError) is null)
            errors.Add(cardError!);
        var name = (fullName ?? "").Trim();
        if (name.Length == 0) errors.Add("Nhập họ tên người bệnh để kiểm tra thẻ.");
        var (date, year) = ParseBirth(birthDate);
        if (year is null) errors.Add("Ngày sinh phải có dạng dd/MM/yyyy hoặc chỉ năm sinh yyyy.");
        if (errors.Count > 0) return CardCheckView.Invalid(errors);

        var officer = await officers.ForUserAsync(user.Identity?.Name, aborted);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.InteractiveTimeoutSeconds)));
        try
        {
            var result = await portal.CheckCardAsync(new CardLookupRequest(number, name, date, year!.Value, officer.Name, officer.Cccd), timeout.Token);
            return CardCheckView.From(result);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return CardCheckView.Unavailable();
        }
        catch (BhxhPortalUnavailableException)
        {
            return CardCheckView.Unavailable();
        }
        catch (BhxhPortalException ex)
        {
            return CardCheckView.Failed(ex.Message);
        }
    }

    private static (DateOnly? Date, int? Year) ParseBirth(string? text)
    {
        text = (text ?? "").Trim();
        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return (d, d.Year);
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100)
            return (null, y);
        return (null, null);
    }
}

public enum CardCheckTone { Valid, Warning, Rejected, Unavailable, Invalid }

/// <summary>What the <see cref="CardCheckResult"/> fragment shows.</summary>
public sealed record CardCheckView(CardCheckTone Tone, string? ResultCode, IReadOnlyList<string> Messages, CardLookupResult? Reply)
{
    public const string UnavailableText = "Cổng BHXH không phản hồi — có thể đăng ký, thẻ sẽ được kiểm tra lại tự động.";

    public static CardCheckView Invalid(IReadOnlyList<string> errors) => new(CardCheckTone.Invalid, null, errors, null);
    public static CardCheckView Unavailable() => new(CardCheckTone.Unavailable, null, [UnavailableText], null);
    public static CardCheckView Failed(string message) => new(CardCheckTone.Unavailable, null, [message, "Có thể đăng ký, thẻ sẽ được kiểm tra lại tự động."], null);

    public static CardCheckView From(CardLookupResult r)
    {
        if (BhytCardChecks.IsPortalFault(r.ResultCode))
            return new(CardCheckTone.Unavailable, r.ResultCode, [BhytCardChecks.Message(r.ResultCode), UnavailableText], r);
        var tone = BhytCardChecks.IsBlocking(r.ResultCode) ? CardCheckTone.Rejected
            : r.ResultCode == BhytCardChecks.Valid ? CardCheckTone.Valid : CardCheckTone.Warning;
        return new(tone, r.ResultCode, [VisitCardChecks.Describe(r)], r);
    }
}
