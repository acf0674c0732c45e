namespace Hospital.Web.Features.EPrescriptions;

/// <summary>National e-prescription (donthuocquocgia.vn): submission of signed prescriptions through the outbox, the HTTP client and its simulator, cancellation of replaced prescriptions, the sending board (issue 7 item 5).</summary>
public static class EPrescriptionsFeature
{
    public static IServiceCollection AddEPrescriptions(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static void MapEPrescriptions(this WebApplication app)
    {
    }
}
