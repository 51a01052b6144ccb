using Newsroom.DisplayManagement.Drivers;
using Newsroom.DisplayManagement.Shapes;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.ViewModels;

namespace Newsroom.Workflow.Drivers;

/// <summary>"Updates and corrections" at the foot of the article page (Detail, Footer:5), newest first.</summary>
public sealed class EditorialPartDisplayDriver : ContentDisplayDriver<EditorialPart>
{
    // The update log only shows in Detail (its one location below).
    protected override bool DisplaysIn(string displayType) => string.Equals(displayType, DisplayTypes.Detail, StringComparison.OrdinalIgnoreCase);

    public override IDisplayResult? Display(EditorialPart part, BuildDisplayContext context)
    {
        if (part.UpdateLog.Count == 0)
        {
            return null;
        }

        return Shape(new UpdatesAndCorrectionsViewModel
        {
            Entries = part.UpdateLog.OrderByDescending(e => e.AtUtc).ToList(),
        }).Location("Detail", "Footer:5");
    }
}
