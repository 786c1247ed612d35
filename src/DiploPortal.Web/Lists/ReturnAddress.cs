using DiploPortal.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace DiploPortal.Web.Lists;

/// <summary>
/// The filtered list a record was opened from, carried in the record's own address as
/// <c>?back=/engagements?nation=FRA</c>, so that "← All engagements", the editor and the page after a delete
/// return to the same filters and page. In the address rather than remembered per circuit, because a record
/// opened in a new tab or reloaded starts a new circuit and would have forgotten it.
/// Only a local address of the record's own list is taken back: another site (<c>//evil.example</c>,
/// <c>https://…</c>), another path, or anything that is not plain text is the unfiltered list, so the
/// parameter is never an open redirect.
/// </summary>
public static class ReturnAddress
{
    /// <summary>The query-string parameter that carries the list's address.</summary>
    public const string Parameter = "back";

    /// <summary>
    /// <paramref name="back"/> when it is an address of the list at <paramref name="listPath"/> (its path, then
    /// nothing or a query string); otherwise <paramref name="fallback"/>, or the list itself.
    /// </summary>
    public static string ListOr(string? back, string listPath, string? fallback = null) =>
        IsAddressOf(back, listPath) ? back! : fallback ?? listPath;

    /// <summary>
    /// <paramref name="address"/> with the list to return to, when <paramref name="back"/> is a filtered address of
    /// <paramref name="listPath"/>; unchanged otherwise (the plain list needs no carrying).
    /// </summary>
    public static string Carry(string address, string? back, string listPath) =>
        IsAddressOf(back, listPath) && !string.Equals(back, listPath, StringComparison.Ordinal)
            ? QueryHelpers.AddQueryString(address, Parameter, back!)
            : address;

    /// <summary>Whether <paramref name="back"/> is the list at <paramref name="listPath"/>, with or without a query string.</summary>
    public static bool IsAddressOf(string? back, string listPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(listPath);
        if (string.IsNullOrEmpty(back) || InputGuard.Problem(back) is not null)
        {
            return false;
        }

        // The path must be the list's own, exactly: "/engagements/../admin" and "/engagementsX" are other paths.
        if (!back.StartsWith(listPath, StringComparison.Ordinal) || (back.Length > listPath.Length && back[listPath.Length] != '?'))
        {
            return false;
        }

        // A browser reads a backslash as a slash and drops tabs and new lines; a fragment is no part of a list's address.
        return !back.Any(c => char.IsControl(c) || c is '\\' or '#');
    }
}
