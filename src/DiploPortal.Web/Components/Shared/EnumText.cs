using System.Collections.Concurrent;
using System.Text;

namespace DiploPortal.Web.Components.Shared;

/// <summary>
/// Shows enum members as words ("BilateralDialogue" becomes "Bilateral dialogue"), so pages
/// never carry their own switch over an enum and a new member reads right without UI changes.
/// </summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Words = new();

    public static string ToWords(this Enum value) => Words.GetOrAdd(value, Split);

    private static string Split(Enum value)
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
