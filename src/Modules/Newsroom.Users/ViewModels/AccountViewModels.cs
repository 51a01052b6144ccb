using System.ComponentModel.DataAnnotations;

namespace Newsroom.Users.ViewModels;

public sealed class LoginViewModel
{
    [Required]
    [Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordViewModel
{
    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    public bool Changed { get; set; }
}

public sealed class NewUserViewModel
{
    [Required]
    [StringLength(100)]
    [Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required]
    [EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string Role { get; set; } = "";
}
