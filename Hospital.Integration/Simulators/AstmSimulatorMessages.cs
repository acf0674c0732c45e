using Hospital.Integration.Astm.Records;

namespace Hospital.Integration.Simulators;

/// <summary>
/// The E1394 messages a simulated analyser sends, shaped by its <see cref="AstmAnalyserProfile"/> (spec §2.3–§2.4):
/// results (H, P, O, [C], R…, [C], L), QC runs (O-12 = Q) and host queries (H, Q, L).
/// </summary>
public static class AstmSimulatorMessages
{
    /// <summary>Width Sysmex pads the barcode component of O-4 / Q-3 to (right-justified), as in the XN capture.</summary>
    private const int SysmexBarcodeWidth = 22;

    public static AstmMessage Results(AstmAnalyserProfile profile, SimulatedSample sample, DateTime at)
    {
        var d = AstmDelimiters.Default;
        var message = new AstmMessage(Header(profile, at, sample.QualityControl ? "Q" : "P"));
        var patient = new AstmPatientBlock(new AstmPatient(d) { Sequence = 1 });
        var order = new AstmOrder(d)
        {
            Sequence = 1,
            Tests = sample.Results.Select(r => TestId(profile, r.Test.Code)).ToList(),
            ActionCode = sample.QualityControl ? "Q" : "N", // O-12 = Q: treat as QC (cobas c111 capture)
            ReportedAt = AstmDateTime.Format(at),
            ReportType = "F",
        };
        if (sample.QualityControl)
            order.Record.SetComponents(3, sample.Barcode, sample.ControlLot, AstmDateTime.Format(at.Date.AddYears(1))[..8]);
        else if (profile.BarcodeInInstrumentSpecimenId)
            order.InstrumentSpecimenId = ["", "", sample.Barcode.PadLeft(SysmexBarcodeWidth), "B"];
        else
            order.SpecimenId = sample.Barcode;
        var orderBlock = new AstmOrderBlock(order);
        if (sample.Comment.Length > 0)
            orderBlock.Comments.Add(new AstmComment(d) { Sequence = 1, Source = "I", Text = sample.Comment, CommentType = "G" });

        var seq = 0;
        var stamp = AstmDateTime.Format(at);
        foreach (var r in sample.Results)
        {
            var result = new AstmResult(d)
            {
                Sequence = ++seq,
                Test = TestId(profile, r.Test.Code),
                Value = r.Value,
                Units = r.Test.Unit,
                ReferenceRange = r.Test.Range,
                AbnormalFlags = r.Flag,
                Status = "F",
                OperatorId = profile.OperatorId,
                CompletedAt = stamp,
            };
            var block = new AstmResultBlock(result);
            if (r.Flag != "N" && !sample.QualityControl)
                block.Comments.Add(new AstmComment(d) { Sequence = 1, Source = "I", Text = $"{r.Test.Code} {(r.Flag == "H" ? "above" : "below")} reference {r.Test.Range}", CommentType = "I" });
            orderBlock.Results.Add(block);
        }
        if (profile.InterpretiveMessages && !sample.QualityControl)
        {
            // Sysmex IP messages: R records whose "value" is a 0–300 score, flag A (spec §2.4 (a)).
            var flagged = sample.Results.Count(r => r.Flag != "N");
            if (flagged > 0)
                orderBlock.Results.Add(new AstmResultBlock(new AstmResult(d)
                {
                    Sequence = ++seq,
                    Test = new AstmTestId(["", "", "", "", flagged > 3 ? "Blasts?" : "Left_Shift?"]),
                    Value = (60 + 30 * Math.Min(flagged, 8)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AbnormalFlags = "A",
                    OperatorId = profile.OperatorId,
                    CompletedAt = stamp,
                }));
        }
        patient.Orders.Add(orderBlock);
        message.Patients.Add(patient);
        message.Terminator = new AstmTerminator(d, "N");
        return message;
    }

    /// <summary>H, Q (specimen ID in Q-3, all tests, status O), L — the analyser's host query (spec §2.3).</summary>
    public static AstmMessage Query(AstmAnalyserProfile profile, string barcode, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(barcode)) throw new ArgumentException("A host query needs a barcode.", nameof(barcode));
        var d = AstmDelimiters.Default;
        var message = new AstmMessage(Header(profile, at, "P"));
        var query = new AstmQuery(d) { Sequence = 1, RequestStatus = "O" };
        if (profile.BarcodeInInstrumentSpecimenId)
            query.Record.SetComponents(3, "", "", barcode.PadLeft(SysmexBarcodeWidth), "B"); // Sysmex ^^   barcode^B
        else
            query.SetSpecimenId(barcode);
        query.Record.SetComponents(5, "", "", "", "ALL");
        message.Queries.Add(query);
        message.Terminator = new AstmTerminator(d, "N");
        return message;
    }

    private static AstmHeader Header(AstmAnalyserProfile profile, DateTime at, string processingId)
    {
        var header = new AstmHeader { Version = profile.VersionField, ProcessingId = processingId, Timestamp = AstmDateTime.Format(at) };
        header.Sender = profile.Sender;
        return header;
    }

    private static AstmTestId TestId(AstmAnalyserProfile profile, string code) =>
        profile.CodeStyle == AstmTestCodeStyle.Sysmex ? new AstmTestId(["", "", "", "", code, "1"]) : AstmTestId.FromCode(code);
}
