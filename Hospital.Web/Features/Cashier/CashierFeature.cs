using Hospital.Domain.Identity;

namespace Hospital.Web.Features.Cashier;

/// <summary>The cashier's counter (issue 6 item 3): find a visit, collect cash or VietQR, deposits and refunds, receipts, voids with a second user's approval, shift close.</summary>
public static class CashierFeature
{
    /// <summary>
    /// Second-person work on the counter's money: approving voids (another cashier or an
    /// administrator) and the receipt books (cashiers see them; only administrators open or close one).
    /// </summary>
    public const string SupervisePolicy = "cashier:supervise";

    public static IServiceCollection AddCashier(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<CashierOptions>(config.GetSection("Cashier"));
        // A demo installation gets a made-up receiving account so VietQR works out of the box; a real one
        // must declare its own (Cashier:VietQr:*), or the counter refuses VietQR with a message: a code
        // pointing at an account that is not the hospital's would send patients' money astray.
        if (config.GetValue("Demo:Enabled", false))
            services.PostConfigure<CashierOptions>(o =>
            {
                if (o.VietQr.AccountNumber.Length > 0) return;
                o.VietQr.BankBin = "970436";
                o.VietQr.AccountNumber = "0011004567890";
                o.VietQr.AccountName = "BENH VIEN DA KHOA DEMO";
            });
        services.AddScoped<ReceiptNumbers>();
        services.AddScoped<CashierShifts>();
        services.AddScoped<CashierDesk>();
        services.AddScoped<PaymentVoids>();
        services.AddScoped<ReceiptBookAdministration>();
        services.AddScoped<CounterReceipts>();
        services.AddAuthorization(o => o.AddPolicy(SupervisePolicy, p => p.RequireRole(Roles.Cashier, Roles.Admin)));
        return services;
    }

    public static void MapCashier(this WebApplication app)
    {
        app.MapReceiptPdf();
        app.MapShiftExport();
    }
}
