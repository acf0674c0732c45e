using Hospital.Web.Features.Admin.Users;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.Admin;

/// <summary>Puts the reasons an action was refused next to the fields they concern.</summary>
public static class AdminForms
{
    /// <summary>
    /// Field rules plus the role choice (not a mapped field, see RoleCheckboxes), checked together
    /// so the admin sees every problem of the form at once.
    /// </summary>
    public static bool Validate(EditContext edit, ValidationMessageStore messages, object model, IReadOnlyCollection<string> roles, IStringLocalizer localizer)
    {
        messages.Clear();
        var valid = edit.Validate();
        if (roles.Count == 0)
        {
            messages.Add(new FieldIdentifier(model, "Roles"), localizer["Chọn ít nhất một vai trò."]);
            edit.NotifyValidationStateChanged();
            valid = false;
        }
        return valid;
    }

    public static void Show(EditContext edit, ValidationMessageStore messages, object model, AdminResult result, IStringLocalizer localizer)
    {
        messages.Clear();
        foreach (var error in result.Errors)
        {
            // Fields the form does not have (e.g. an Identity error about the user name on the
            // edit page) go to the form-level summary rather than disappearing.
            var field = error.Field.Length > 0 && model.GetType().GetProperty(error.Field) is not null
                ? new FieldIdentifier(model, error.Field)
                : new FieldIdentifier(model, "");
            messages.Add(field, localizer[error.Message]);
        }
        edit.NotifyValidationStateChanged();
    }
}
