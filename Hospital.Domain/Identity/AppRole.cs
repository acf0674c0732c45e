using Microsoft.AspNetCore.Identity;

namespace Hospital.Domain.Identity;

public class AppRole : IdentityRole
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
