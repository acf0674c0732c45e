using System.ComponentModel.DataAnnotations;

namespace Hospital.Web.Features.Admin.Users;

/// <summary>The "new user" form.</summary>
public sealed class NewUserInput
{
    [Required(ErrorMessage = "Nhập tên đăng nhập.")]
    [StringLength(256, ErrorMessage = "Tên đăng nhập tối đa 256 ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9._@+-]+$", ErrorMessage = "Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - (không có khoảng trắng).")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Nhập họ tên.")]
    [StringLength(200, ErrorMessage = "Họ tên tối đa 200 ký tự.")]
    public string FullName { get; set; } = "";

    public int? StaffId { get; set; }

    [Required(ErrorMessage = "Nhập mật khẩu ban đầu.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Nhập lại mật khẩu.")]
    [Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Filled from the posted checkboxes (<see cref="RoleCheckboxes.Read"/>).</summary>
    public List<string> Roles { get; set; } = [];
}

/// <summary>The profile part of the "edit user" page.</summary>
public sealed class EditUserInput
{
    [Required(ErrorMessage = "Nhập họ tên.")]
    [StringLength(200, ErrorMessage = "Họ tên tối đa 200 ký tự.")]
    public string FullName { get; set; } = "";

    public int? StaffId { get; set; }

    public List<string> Roles { get; set; } = [];
}

/// <summary>A new password set by the admin.</summary>
public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "Nhập mật khẩu mới.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Nhập lại mật khẩu mới.")]
    [Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    public string ConfirmPassword { get; set; } = "";
}
