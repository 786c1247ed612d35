using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises.Deconfliction;

namespace DiploPortal.Core.Tests.Exercises.Deconfliction;

/// <summary>The rules for training areas and nation capacities as administrators edit them (no database).</summary>
public class ReferenceDataRuleCases
{
    [Fact]
    public void ATrainingAreaNeedsANameAndAKnownNation()
    {
        var errors = ReferenceDataRules.CheckTrainingArea(new TrainingAreaForm { Name = " ", Nation = "ZZZ" }, code => code == "NOR").ToDictionary();

        Assert.Equal(["Name the training area."], errors[nameof(TrainingAreaForm.Name)]);
        Assert.Equal(["There is no nation with the code ZZZ."], errors[nameof(TrainingAreaForm.Nation)]);
        Assert.Equal(["Name the nation the area is in."], ReferenceDataRules.CheckTrainingArea(new TrainingAreaForm { Name = "Rena" }, _ => true).ToDictionary()[nameof(TrainingAreaForm.Nation)]);
    }

    [Fact]
    public void ATrainingAreaRefusesNulAndOverlongText()
    {
        var form = new TrainingAreaForm { Name = "Rena\0", Nation = "NOR", Description = new string('d', TrainingArea.DescriptionMaxLength + 1), Source = "a\0b" };

        var errors = ReferenceDataRules.CheckTrainingArea(form, _ => true).ToDictionary();

        Assert.Equal([FormRules.NulMessage], errors[nameof(TrainingAreaForm.Name)]);
        Assert.Equal([FormRules.NulMessage], errors[nameof(TrainingAreaForm.Source)]);
        Assert.Single(errors[nameof(TrainingAreaForm.Description)]);
        Assert.False(ReferenceDataRules.CheckTrainingArea(new TrainingAreaForm { Name = "Rena", Nation = "nor" }, _ => true).Any);
    }

    [Fact]
    public void ASourcedCapacityCitesItsSourceAndAnAssumptionExplainsItself()
    {
        var sourced = ReferenceDataRules.CheckCapacity(new NationCapacityForm { Personnel = 10, Note = "old note" }).ToDictionary();
        Assert.Equal(["Cite the source of the figures, or mark them as an assumption."], sourced[nameof(NationCapacityForm.Source)]);

        var assumed = ReferenceDataRules.CheckCapacity(new NationCapacityForm { IsAssumption = true, Source = "https://example.org" }).ToDictionary();
        Assert.Equal(["Say how the assumed figures were derived."], assumed[nameof(NationCapacityForm.Note)]);

        Assert.False(ReferenceDataRules.CheckCapacity(new NationCapacityForm { Personnel = 5, Source = "IISS Military Balance 2025" }).Any);
        Assert.False(ReferenceDataRules.CheckCapacity(new NationCapacityForm { IsAssumption = true, Note = "A tenth of the armed forces." }).Any);
    }

    [Fact]
    public void ACapacityIsNeverBelowZeroAndRefusesNul()
    {
        var errors = ReferenceDataRules.CheckCapacity(new NationCapacityForm { Personnel = -1, Ships = -1, Aircraft = -1, Source = "x\0" }).ToDictionary();

        Assert.Equal(["Personnel cannot be below zero."], errors[nameof(NationCapacityForm.Personnel)]);
        Assert.Equal(["Ships cannot be below zero."], errors[nameof(NationCapacityForm.Ships)]);
        Assert.Equal(["Aircraft cannot be below zero."], errors[nameof(NationCapacityForm.Aircraft)]);
        Assert.Equal([FormRules.NulMessage], errors[nameof(NationCapacityForm.Source)]);
    }
}
