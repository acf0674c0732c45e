namespace Hospital.Integration.Bhxh;

/// <summary>Where the JSON-vs-form question of the BHXH documents is still open (bhyt-claims.md §6 ⚠).</summary>
public enum BhxhBodyFormat { Json, Form }

/// <summary>
/// Settings section <c>Bhxh</c> (environment <c>Bhxh__BaseUrl</c>...). The password is the
/// facility account's plain password: only its MD5 goes over the wire.
/// </summary>
public sealed class BhxhOptions
{
    /// <summary>Gateway root, e.g. https://egw.baohiemxahoi.gov.vn (training: https://daotaoegw.baohiemxahoi.gov.vn).</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Facility account, usually <c>&lt;MACSKCB&gt;_BV</c>.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>Whole-call limit for background calls (outbox); the reception form uses <see cref="InteractiveTimeoutSeconds"/>.</summary>
    public int TimeoutSeconds { get; set; } = 30;
    public int InteractiveTimeoutSeconds { get; set; } = 5;
    /// <summary>Run the local portal simulator in-process and talk to it (default: on in demo mode when no BaseUrl is set).</summary>
    public bool? UseSimulator { get; set; }
    /// <summary>Loopback port of the in-process simulator; 0 picks a free one at first start.</summary>
    public int SimulatorPort { get; set; }
    /// <summary>Start the simulator answering 503 to everything, to show a portal outage in a demo (the outbox keeps retrying).</summary>
    public bool SimulatorUnavailable { get; set; }

    /// <summary>BHXH's card-API annex says JSON; some vendors post a form.</summary>
    public BhxhBodyFormat CardCheckBodyFormat { get; set; } = BhxhBodyFormat.Json;
    /// <summary>BHXH's documents say form-urlencoded; HIS_PRO posts JSON.</summary>
    public BhxhBodyFormat SubmitBodyFormat { get; set; } = BhxhBodyFormat.Form;
    public string TokenPath { get; set; } = "/api/token/take";
    public string CardCheckPath { get; set; } = "/api/egw/KQNhanLichSuKCB2024";
    /// <summary>QĐ 3176 era; QĐ 4750 used <c>/api/qd130/checkInKcbQd4750</c>.</summary>
    public string CheckInPath { get; set; } = "/api/qd130/checkInKcbQd3176";
    /// <summary>Claim files (GIAMDINHHS), QĐ 3176 era; QĐ 4750 used <c>/api/qd130/guiHoSoXmlQD4750</c>, the 2023 pilot <c>…QD130</c>.</summary>
    public string ClaimPath { get; set; } = "/api/qd130/guiHoSoXmlQD3176";

    /// <summary>Facility signing certificate (PKCS#12) for CHUKYDONVI; empty in demo mode = a generated self-signed one.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>Reception officer sent as hoTenCb/cccdCb when the registering user has no staff entry with a CCCD (CV 1923).</summary>
    public string? OfficerName { get; set; }
    public string? OfficerCccd { get; set; }
}
