using System.Security.Claims;
using Hospital.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Platform.Security;

public static class HospitalClaims
{
    public const string FullName = "hospital:full_name";
}

/// <summary>Adds the user's full name to the sign-in cookie so the header needs no query.</summary>
public sealed class HospitalClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HospitalClaims.FullName, user.FullName));
        return identity;
    }
}
