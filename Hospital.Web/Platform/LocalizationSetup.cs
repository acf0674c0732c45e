using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Hospital.Web.Platform;

/// <summary>
/// Vietnamese first, English second. Texts in the code are Vietnamese and serve as resource
/// keys; <c>Resources/SharedResource.en.resx</c> holds the English. The choice is kept in a cookie.
/// </summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static IServiceCollection AddHospitalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }
}
