using Hospital.Domain.Lab;
using Hospital.Integration.Transport.Serial;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// What makes an analyser declaration usable, the same for configuration and the admin screen: a name that can key
/// results and the journal, the address its transport needs, serial settings a Linux port accepts (lis-protocols.md
/// §6.1), and switches that fit the protocol. Messages are Vietnamese, for the admin screen and the start-up log.
/// </summary>
public static class AnalyserDefinitionRules
{
    public const int MaxNameLength = 100;

    /// <summary>Every problem of <paramref name="a"/>; empty when it can be started.</summary>
    public static IReadOnlyList<string> Check(Analyser a)
    {
        var errors = new List<string>();
        var name = a.Name.Trim();
        if (name.Length == 0) errors.Add("Chưa nhập tên máy.");
        else if (name.Length > MaxNameLength) errors.Add($"Tên máy dài quá {MaxNameLength} ký tự.");
        else if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            errors.Add($"Tên máy \"{name}\" chỉ được gồm chữ không dấu, chữ số và - _ . (tên này dùng trong cấu hình và đường dẫn).");
        if (!Enum.IsDefined(a.Protocol)) errors.Add("Giao thức phải là astm hoặc hl7.");
        if (!Enum.IsDefined(a.Direction)) errors.Add("Chiều kết nối phải là uni (một chiều) hoặc bi (hai chiều).");
        switch (a.Transport)
        {
            case AnalyserTransport.Serial:
                if (string.IsNullOrWhiteSpace(a.Device)) errors.Add("Kết nối cổng COM cần đường dẫn thiết bị (Device), ví dụ /dev/ttyUSB0.");
                if (!SerialSettings.SupportedBauds.Contains(a.Baud)) errors.Add($"Tốc độ baud {a.Baud} không hỗ trợ; chọn một trong {string.Join(", ", SerialSettings.SupportedBauds)}.");
                if (a.DataBits is not (7 or 8)) errors.Add($"Số bit dữ liệu phải là 7 hoặc 8, không phải {a.DataBits}.");
                if (a.StopBits is not (1 or 2)) errors.Add($"Số bit dừng phải là 1 hoặc 2, không phải {a.StopBits}.");
                if (AnalyserSpelling.Parity(a.Parity) is null) errors.Add($"Parity \"{a.Parity}\" phải là none, even hoặc odd.");
                if (AnalyserSpelling.FlowControl(a.FlowControl) is null) errors.Add($"Điều khiển luồng \"{a.FlowControl}\" phải là none, rtscts hoặc xonxoff.");
                break;
            case AnalyserTransport.TcpClient:
                if (string.IsNullOrWhiteSpace(a.Host)) errors.Add("Kết nối tcp-client cần địa chỉ máy (Host) để kết nối tới.");
                if (a.Port is not (>= 1 and <= 65535)) errors.Add("Kết nối tcp-client cần cổng (Port) từ 1 đến 65535.");
                break;
            case AnalyserTransport.TcpServer:
                if (a.Port is not (>= 1 and <= 65535)) errors.Add("Kết nối tcp-server cần cổng lắng nghe (Port) từ 1 đến 65535.");
                break;
            default:
                errors.Add("Kiểu kết nối phải là serial, tcp-client hoặc tcp-server.");
                break;
        }
        if (a.Broadcast && a.Direction != AnalyserDirection.Bi) errors.Add("Chỉ máy hai chiều (bi) mới được gửi danh sách chỉ định (Broadcast).");
        if (a.NakedAstm && (a.Protocol != AnalyserProtocol.Astm || a.Transport == AnalyserTransport.Serial))
            errors.Add("Chế độ ASTM không khung (NakedAstm) chỉ dùng cho máy ASTM qua TCP.");
        return errors;
    }
}
