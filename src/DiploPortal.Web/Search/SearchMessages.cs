namespace DiploPortal.Web.Search;

/// <summary>What the page and the API say about a search, in one place.</summary>
public static class SearchMessages
{
    public const string OnlyStopWords =
        "Every word typed is a common word (such as \"the\", \"and\", \"of\") that search ignores. Add a more specific word.";

    public const string Syntax = "Words must all appear; \"quoted words\" as a phrase; or between words for either; -word to leave it out.";

    public const string Shortcut = "Press / or Ctrl+K on any page to search.";
}
