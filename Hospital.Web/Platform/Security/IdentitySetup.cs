using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Hospital.Web.Platform.Security;

/// <summary>
/// ASP.NET Core Identity with cookie sign-in. Settings: <c>Security__SessionTimeoutMinutes</c>
/// (inactivity before the session ends, default 30).
/// </summary>
public static class IdentitySetup
{
    public const string PolicyScheme = "Hospital";

    public static IServiceCollection AddHospitalIdentity(this IServiceCollection services)
    {

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<HospitalDbContext>()
            .AddSignInManager<HospitalSignInManager>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<HospitalClaimsFactory>()
            .AddDefaultTokenProviders();

        // A deactivated user or a reset password ends open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "hospital.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Events.OnRedirectToLogin = ctx => ChallengeResponses.RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ChallengeResponses.RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IConfiguration>((o, config) =>
                o.ExpireTimeSpan = TimeSpan.FromMinutes(config.GetValue("Security:SessionTimeoutMinutes", 30.0)));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PolicyScheme;
                o.DefaultAuthenticateScheme = PolicyScheme;
                o.DefaultChallengeScheme = PolicyScheme;
                o.DefaultForbidScheme = PolicyScheme;
            })
            .AddPolicyScheme(PolicyScheme, "Cookie or API key", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(ApiKeyAuthentication.HeaderName)
                    ? ApiKeyAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        return services;
    }
}
