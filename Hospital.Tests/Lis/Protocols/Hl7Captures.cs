namespace Hospital.Tests.Lis.Protocols;

/// <summary>Real and manual-exact HL7 messages from shared/spec/lis-protocols.md §3, with CR segment terminators.</summary>
internal static class Hl7Captures
{
    public static string Cr(params string[] segments) => string.Join("\r", segments) + "\r";

    /// <summary>Mindray BC-series capture (§3.8): empty MSH-3..6, IS-typed numbers, *****, L~N flags, UNICODE label with UTF-8 bytes.</summary>
    public static readonly string MindrayBc = Cr(
        "MSH|^~\\&|||||20180307172730||ORU^R01|1|P|2.3.1||||||UNICODE",
        "PID|1||^^^^MR",
        "PV1|1",
        "OBR|1||180307003|00001^Automated Count^99MRC|||20180307171804|||||||||||||||||HM||||||||service",
        "OBX|1|IS|08001^Take Mode^99MRC||O||||||F",
        "OBX|2|IS|08002^Blood Mode^99MRC||W||||||F",
        "OBX|3|IS|01002^Ref Group^99MRC||通用||||||F",
        "OBX|4|IS|6690-2^WBC^LN||0.0|10*9/L|4.0-10.0|L~N|||F",
        "OBX|5|IS|731-0^LYM#^LN||*****|10*9/L|0.8-4.0|N|||F",
        "OBX|7|IS|789-8^RBC^LN||0.00|10*12/L|3.50-5.50|L~N|||F",
        "OBX|15|IS|777-3^PLT^LN||1|10*9/L|100-300|L~N|||F",
        "OBX|18|IS|10002^PCT^99MRC||*****|%|0.108-0.282|N|||F");

    /// <summary>Dymind DF5x (Mindray BC-5380 OEM) public test string (§3.8).</summary>
    public static readonly string DymindDf5x = Cr(
        "MSH|^~\\&|DF5x|Dymind|||20200918091151||ORU^R01|20191120_093707_951|P|2.3.1||||||UNICODE",
        "PID|1||historiaclinica^^^^MR||Garcia^Jose Mercedes|||Hombre",
        "OBR|1||29870|01001^Automated Count^99MRC||20191120093527|20191120093707|||||||||||||||||HM||||||||admin",
        "OBX|3|IS|02003^Test Mode^99MRC||CBC+DIFF||||||F",
        "OBX|7|NM|6690-2^WBC^LN||5.98|10*3/uL|4.00-10.00|~N|||F",
        "OBX|8|NM|770-8^NEU%^LN||39.6|%|50.0-70.0|L~A|||F",
        "OBX|11|NM|713-8^EOS%^LN||13.5|%|0.5-5.0|H~A|||F");

    /// <summary>Mindray BS-200 result per the host interface manual (§3.8), with the trailing empty fields.</summary>
    public static readonly string MindrayBs200 = Cr(
        "MSH|^~\\&|Mindray|BS-200|||20250220141530||ORU^R01|1|P|2.3.1||||0||ASCII|||",
        "PID|1|101||2|Rakoto^Fara||19850512000000|F|||||||||||||||||||||||",
        "OBR|1|LAB-2025-00401|6|Mindray^BS-200|N||20250220141530||||||serum|||||||||||||||||||||||||||||||||",
        "OBX|1|NM|1|GLU|95.000000|mg/dL|70-100|N|||F|||||||");

    /// <summary>Mindray BS-200 QC result: MSH-16 = 2, data in OBR-13..21 (§3.8).</summary>
    public static readonly string MindrayBs200Qc = Cr(
        "MSH|^~\\&|Mindray|BS-200|||20250220060015||ORU^R01|7|P|2.3.1||||2||ASCII|||",
        "OBR|1|1|GLU|Mindray^BS-200||20250220060015|||||||CTRL-Normal|LOT-2025-001|20260101000000||M|100.000000|3.500000|98.200000|mg/dL");

    /// <summary>Mindray BS-200E host query exactly as the manual's example (§3.8).</summary>
    public static readonly string MindrayQuery = Cr(
        "MSH|^~\\&|Mindray|BS-200E|||20070723170707||QRY^Q02|1|P|2.3.1||||||ASCII|||",
        "QRD|20070723170707|R|D|1|||RD|34567743|OTH|||T|",
        "QRF|BS-200E|20070723170749|20070723170749|||RCT|COR|ALL||");

    /// <summary>BioSystems BA400 (IHE LAW) work-order query (§3.8).</summary>
    public static readonly string Ba400Query = Cr(
        "MSH|^~\\&|BA200|Biosystems|Host|Host provider|20250305201642||QBP^Q11^QBP_Q11|dd980fa0-6a3d-4584-8fee-5392f42eca1d|P|2.5.1|||ER|AL||UNICODE UTF-8|||LAB-27^IHE",
        "QPD|WOS^Work Order Step^IHE_LABTF|dd980fa06a3d45848fee5392f42eca1d|20250107000003",
        "RCP|I||R");

    /// <summary>BioSystems BA400 result: OBR before ORC, "" in OBR-2, \Z03BC\ for µ, OBX-8 = NONE (§3.8).</summary>
    public static readonly string Ba400Result = Cr(
        "MSH|^~\\&|BA200|Biosystems|Host|Host provider|20241213131746||OUL^R22^OUL_R22|a5f12c06-0001|P|2.5.1|||ER|AL||UNICODE UTF-8|||LAB-29^IHE",
        "SPM|1|SI APA||SER|||||||P|||||||",
        "OBR||\"\"||FERRITIN^FERRITIN^A400|||||||||||||||||||||||||",
        "ORC|OK||||CM||||20241213131746",
        "OBX|1|NM|FERRITIN^FERRITIN^A400||7.29504681|\\Z03BC\\g/L^\\Z03BC\\g/L^A400||NONE|||F|||||ADMIN||A400^Biosystems~834000237^Biosystems|20241213193520");

    /// <summary>A 30-segment ORU^R01 like a haematology analyser sends (CBC with differential), for tests and the benchmark.</summary>
    public static string HaematologyOru(int n = 1)
    {
        var lines = new List<string>
        {
            $"MSH|^~\\&|XN-350|LAB|LIS|HOSPITAL|20240105101530||ORU^R01^ORU_R01|MSG{n:D6}|P|2.5.1|||ER|AL||UNICODE UTF-8",
            $"PID|1||PID{n:D6}^^^HOSP^MR||Nguyễn^Văn An^Thị||19850412|F|||12 Lê Lợi^^Huế^^530000^VN",
            "PV1|1|O|KHAM^101^1||||BS001^Trần^Bình",
            $"ORC|RE|{240105000 + n}|{n}||CM||||20240105101530",
            $"OBR|1|{240105000 + n}|{n}|CBC^Complete blood count^L|||20240105095500|||||||20240105100000|BLD|BS001^Trần^Bình||||||20240105101530||HM|F",
        };
        string[] tests = ["WBC", "RBC", "HGB", "HCT", "MCV", "MCH", "MCHC", "PLT", "RDW-CV", "RDW-SD", "MPV", "PDW", "PCT", "NEUT#", "LYMPH#", "MONO#", "EO#", "BASO#", "NEUT%", "LYMPH%", "MONO%", "EO%", "BASO%", "IG#"];
        for (var i = 0; i < tests.Length; i++)
            lines.Add($"OBX|{i + 1}|NM|{6690 + i}-2^{tests[i]}^LN||{(i * 1.37 + 3.2):0.00}|10*3/uL|{i}.00-{i + 10}.00|{(i % 5 == 0 ? "H" : "N")}|||F|||20240105101530||SYSMEX^Op1|AUTO|XN-350^SYSMEX~12345^SN|20240105101500");
        lines.Add("NTE|1|L|Mẫu đã kiểm tra\\.br\\lại lần 2 \\T\\ xác nhận|RE");
        return Cr([.. lines]);
    }
}
