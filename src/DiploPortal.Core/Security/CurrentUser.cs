using DiploPortal.Core.Common;

namespace DiploPortal.Core.Security;

/// <summary>
/// Who is acting, as Core sees it: the name recorded in the audit trail, and what the user may see.
/// The web host supplies it from the signed-in user; tools and start-up run as <see cref="System"/>.
/// </summary>
public sealed record CurrentUser(string Name, Classification Clearance, string? NationCode, IReadOnlyList<string> AllianceAcronyms)
{
    /// <summary>The portal itself (migrations, reference and demo data): sees everything.</summary>
    public static CurrentUser System { get; } = new("system", Classification.Secret, null, []);

    public bool IsSystem => ReferenceEquals(this, System);
}

/// <summary>Gives Core the user of the current operation.</summary>
public interface ICurrentUserAccessor
{
    CurrentUser Current { get; }
}

/// <summary>Used where no person is acting: tools, start-up setup, tests of Core alone.</summary>
public sealed class SystemUserAccessor : ICurrentUserAccessor
{
    public CurrentUser Current => CurrentUser.System;
}
