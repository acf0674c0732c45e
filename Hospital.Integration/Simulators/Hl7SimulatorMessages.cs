using System.Globalization;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;

namespace Hospital.Integration.Simulators;

/// <summary>The HL7 v2 messages a simulated analyser sends (spec §3.4, §3.6, §3.8): ORU^R01 results and QC, QRY^Q02 queries.</summary>
public static class Hl7SimulatorMessages
{
    /// <summary>ORU^R01 for one sample: MSH, PID, OBR (barcode in OBR-2 or OBR-3), one OBX per result.</summary>
    public static Hl7Message Results(Hl7AnalyserProfile profile, SimulatedSample sample, string controlId, DateTime at, int sampleNumber = 1)
    {
        if (sample.QualityControl) return QualityControl(profile, sample, controlId, at);
        var stamp = Stamp(at);
        var b = Start(profile, "ORU", "R01", controlId, stamp, applicationAck: "0");
        b.Add("PID").Set(1, "1");
        var obr = b.Add("OBR").Set(1, "1").Set(7, stamp);
        var number = sampleNumber.ToString(CultureInfo.InvariantCulture);
        if (profile.BarcodeInFillerOrderNumber) obr.Set(3, sample.Barcode).SetComponents(4, "00001", "Automated Count", "99MRC");
        else obr.Set(2, sample.Barcode).Set(3, number).SetComponents(4, profile.SendingApplication, profile.SendingFacility).Set(15, "serum");
        var seq = 0;
        foreach (var r in sample.Results)
        {
            var obx = b.Add("OBX").Set(1, (++seq).ToString(CultureInfo.InvariantCulture)).Set(2, "NM");
            if (profile.CodedObservationIds)
                obx.SetComponents(3, r.Test.Name, r.Test.Code, "LN").Set(5, r.Value).Set(6, r.Test.Unit).Set(7, r.Test.Range)
                    .SetRepetitions(8, r.Flag == "N" ? "" : r.Flag, r.Flag == "N" ? "N" : "A"); // BC writes L~N / H~A / ~N
            else
                obx.Set(3, profile.Number(r.Test).ToString(CultureInfo.InvariantCulture)).Set(4, r.Test.Code).Set(5, r.Value)
                    .Set(6, r.Test.Unit).Set(7, r.Test.Range).Set(8, r.Flag);
            obx.Set(11, "F").Set(14, stamp);
        }
        return b.Build();
    }

    /// <summary>
    /// A QC result the Mindray BS way: MSH-16 = 2, no PID or OBX, one OBR per test carrying control (13), lot (14),
    /// expiry (15), level (17), mean (18), SD (19), result (20) and unit (21).
    /// </summary>
    public static Hl7Message QualityControl(Hl7AnalyserProfile profile, SimulatedSample sample, string controlId, DateTime at)
    {
        var stamp = Stamp(at);
        var b = Start(profile, "ORU", "R01", controlId, stamp, applicationAck: "2");
        var seq = 0;
        foreach (var r in sample.Results)
        {
            var mean = (r.Test.Low + r.Test.High) / 2;
            b.Add("OBR").Set(1, (++seq).ToString(CultureInfo.InvariantCulture)).Set(2, profile.Number(r.Test).ToString(CultureInfo.InvariantCulture))
                .Set(3, r.Test.Code).SetComponents(4, profile.SendingApplication, profile.SendingFacility).Set(6, stamp)
                .Set(13, sample.Barcode).Set(14, sample.ControlLot).Set(15, Stamp(at.Date.AddYears(1))).Set(17, "M")
                .Set(18, r.Test.Format(mean)).Set(19, r.Test.Format((r.Test.High - r.Test.Low) / 20)).Set(20, r.Value).Set(21, r.Test.Unit);
        }
        return b.Build();
    }

    /// <summary>QRY^Q02 for one barcode (Mindray BS host query): QRD-8 = barcode, QRF over the current minute.</summary>
    public static Hl7Message Query(Hl7AnalyserProfile profile, string barcode, string controlId, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(barcode)) throw new ArgumentException("A host query needs a barcode.", nameof(barcode));
        var stamp = Stamp(at);
        var b = Start(profile, "QRY", "Q02", controlId, stamp, applicationAck: "");
        b.Add("QRD").Set(1, stamp).Set(2, "R").Set(3, "D").Set(4, controlId).Set(7, "RD").Set(8, barcode).Set(9, "OTH").Set(12, "T").PadTo(12);
        b.Add("QRF").Set(1, profile.SendingFacility).Set(2, stamp).Set(3, stamp).Set(6, "RCT").Set(7, "COR").Set(8, "ALL").PadTo(9);
        return b.Build();
    }

    private static Hl7MessageBuilder Start(Hl7AnalyserProfile profile, string code, string trigger, string controlId, string stamp, string applicationAck)
    {
        var b = new Hl7MessageBuilder();
        b.Msh.Set(3, profile.SendingApplication).Set(4, profile.SendingFacility).Set(7, stamp).SetComponents(9, code, trigger)
            .Set(10, controlId).Set(11, "P").Set(12, profile.Version).Set(16, applicationAck).Set(18, profile.CharsetLabel).PadTo(20);
        return b;
    }

    private static string Stamp(DateTime at) => at.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
