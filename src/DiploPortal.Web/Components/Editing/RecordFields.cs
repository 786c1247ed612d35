using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;
using Microsoft.AspNetCore.Components;

namespace DiploPortal.Web.Components.Editing;

/// <summary>
/// Base of a record's fields (<c>EngagementFields</c>, ...): the form they edit, the nations and alliances their
/// pickers offer, the user's clearance (the highest marking offered) and the server's messages by field name,
/// which the fields read with <see cref="FieldMessages"/> (<c>Errors.Has</c>, <c>Errors.TextOf</c>, <c>Errors.Of</c>).
/// </summary>
public abstract class RecordFields<TForm> : ComponentBase
    where TForm : class, new()
{
    [Parameter, EditorRequired]
    public TForm Form { get; set; } = new();

    [Parameter, EditorRequired]
    public IReadOnlyList<NationSummary> Nations { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<AllianceSummary> Alliances { get; set; } = [];

    [Parameter, EditorRequired]
    public Classification Clearance { get; set; }

    [Parameter]
    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();
}
