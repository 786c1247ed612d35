using DiploPortal.Core.Common;

namespace DiploPortal.Core.Tests.Common;

/// <summary>
/// PostgreSQL refuses the NUL character in text (invalid byte sequence 0x00, a 500): no cursor and no
/// form field may carry one to the database, and an over-long cursor is no cursor.
/// </summary>
public class TextWithoutNul
{
    [Fact]
    public void ReadsNoCursorWhoseKeyHoldsANul()
    {
        var withNul = new Cursor("2025-01-01\0", 5).ToString();

        Assert.Null(Cursor.Parse(withNul));
        Assert.Equal(new Cursor("2025-01-01", 5), Cursor.Parse(new Cursor("2025-01-01", 5).ToString()));
    }

    [Fact]
    public void ReadsNoCursorLongerThanAnyThePortalWrites()
    {
        Assert.Null(Cursor.Parse(new string('A', Cursor.MaxLength) + ".5"));
        Assert.NotNull(Cursor.Parse(new Cursor(new string('é', 200), 5).ToString()));
    }

    [Fact]
    public void RefusesANulInRequiredAndOptionalTextBesideItsField()
    {
        var errors = new FieldErrors();

        FormRules.Required(errors, "Title", "Harbour\0visit", 200, "Give a title.");
        FormRules.Length(errors, "Summary", "text\0", 8000);
        FormRules.Length(errors, "Location", "Toulon", 120);

        var byField = errors.ToDictionary();
        Assert.Equal(FormRules.NulMessage, Assert.Single(byField["Title"]));
        Assert.Equal(FormRules.NulMessage, Assert.Single(byField["Summary"]));
        Assert.False(byField.ContainsKey("Location"));
    }
}
