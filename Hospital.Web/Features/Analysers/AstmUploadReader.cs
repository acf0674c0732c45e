using Hospital.Domain.Common;
using Hospital.Domain.Lab;
using Hospital.Integration.Astm.Records;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// An E1394 / LIS2-A2 message read into the protocol-neutral <see cref="AnalyserUpload"/> (lis-protocols.md §2.3–2.5):
/// one <see cref="AnalyserObservation"/> per R record, with the specimen barcode where the analyser put it, padding
/// trimmed, the instrument's local time as UTC, and QC runs recognised by O-12 = Q or H-12 = Q.
/// </summary>
public static class AstmUploadReader
{
    public static AnalyserUpload Read(string analyser, AstmMessage message, string text, DateTime receivedAt)
    {
        var headerQc = message.Header.ProcessingId.Trim() == "Q"; // H-12 = Q: the whole message is quality control
        var observations = new List<AnalyserObservation>();
        foreach (var (_, order, result) in message.AllResults())
        {
            var o = order.Order;
            var r = result.Result;
            observations.Add(new AnalyserObservation(
                Barcode(o),
                r.Test.Code,
                r.Value.Trim(),
                Optional(r.Units),
                Optional(r.AbnormalFlags),
                InstrumentTime(r.CompletedAt),
                IsQc: headerQc || o.IsQualityControl,
                IsRerun: r.Status.Trim() is "C" or "R")); // R-9: correction, or previously transmitted (re-send)
        }
        var kind = message.Queries.Count > 0 ? AnalyserMessageKind.Query
            : observations.Count == 0 ? AnalyserMessageKind.Other
            : observations.All(x => x.IsQc) ? AnalyserMessageKind.QualityControl
            : AnalyserMessageKind.Results;
        return new AnalyserUpload(analyser, AnalyserProtocol.Astm, text, Optional(message.Header.MessageControlId), kind, observations, receivedAt);
    }

    /// <summary>
    /// The specimen ID of an order (§2.5 "barcode position differs"): O-3 component 1 when sent (LIS2-A2; Architect,
    /// Access, cobas; the control material for QC); else O-4, Sysmex's <c>rack^tube^barcode^B</c> (component 3,
    /// right-justified in a fixed width), or its first component.
    /// </summary>
    public static string Barcode(AstmOrder order)
    {
        var specimen = order.SpecimenId.Trim();
        if (specimen.Length > 0) return specimen;
        var instrument = order.InstrumentSpecimenId;
        if (instrument.Count >= 3 && instrument[2].Trim() is { Length: > 0 } sysmex) return sysmex;
        return instrument.Count > 0 ? instrument[0].Trim() : "";
    }

    /// <summary>R-13 in the analyser's clock, which in our labs is set to Vietnam time (E1394 dates carry no zone), as UTC; null when empty or unreadable.</summary>
    public static DateTime? InstrumentTime(string value) =>
        AstmDateTime.TryParse(value, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamCalendar.Zone)
            : null;

    private static string? Optional(string value) => value.Trim() is { Length: > 0 } v ? v : null;
}
