using System.Security.Claims;
using Hospital.Web.Features.Audit;
using Microsoft.AspNetCore.Http;

namespace Hospital.Tests.Audit;

public sealed class HttpAuditUserTests
{
    [Fact]
    public void Signed_in_user_anonymous_request_and_background_work_are_told_apart()
    {
        var accessor = new HttpContextAccessor();
        var user = new HttpAuditUser(accessor);
        Assert.Equal("system", user.UserName);
        Assert.Null(user.UserId);

        accessor.HttpContext = new DefaultHttpContext();
        Assert.Equal("anonymous", user.UserName);
        Assert.Null(user.UserId);

        accessor.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "bacsi.hung"), new Claim(ClaimTypes.NameIdentifier, "u-42")], "Cookies"));
        Assert.Equal("bacsi.hung", user.UserName);
        Assert.Equal("u-42", user.UserId);
    }
}
