namespace Hospital.Domain.Lab;

/// <summary>
/// What is collected and in which tube. Tests that share a specimen type share one tube (and one
/// barcode): a blood count and HbA1c both go in the EDTA tube, glucose in the fluoride tube.
/// Values are stored as numbers; the API names them in camelCase ("wholeBloodEdta").
/// </summary>
public enum SpecimenType
{
    WholeBloodEdta = 1,
    PlasmaCitrate = 2,
    Serum = 3,
    PlasmaFluoride = 4,
    PlasmaHeparin = 5,
    Urine = 6,
    Stool = 7,
    Swab = 8,
    Other = 9,
    /// <summary>Citrate 1:4 for the sedimentation rate (its own black-cap tube, not the coagulation tube).</summary>
    WholeBloodCitrate = 10,
}
