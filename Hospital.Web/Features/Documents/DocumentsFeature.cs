namespace Hospital.Web.Features.Documents;

/// <summary>Services and endpoints of the Documents feature folder.</summary>
public static class DocumentsFeature
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration config) => services;

    public static void MapDocuments(this WebApplication app)
    {
    }
}
