namespace Hospital.Web.Features.BillingReports;

/// <summary>Monthly BHYT reports for finance (issue 6 item 5): totals by object code, cost group and department, portal summary tables, Excel.</summary>
public static class BillingReportsFeature
{
    public static IServiceCollection AddBillingReports(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static void MapBillingReports(this WebApplication app)
    {
    }
}
