namespace Hospital.Integration.Astm.Records;

/// <summary>P, patient information (LIS2-A2 §7).</summary>
public sealed class AstmPatient(AstmRecord record) : AstmRecordView(record, 'P')
{
    public AstmPatient(AstmDelimiters delimiters) : this(AstmRecord.Create('P', delimiters)) { }

    /// <summary>P-3, practice (LIS) assigned patient ID.</summary>
    public string PracticePatientId { get => Get(3); set => Set(3, value); }

    /// <summary>P-4, laboratory assigned patient ID.</summary>
    public string LaboratoryPatientId { get => Get(4); set => Set(4, value); }

    /// <summary>P-5, patient ID number 3.</summary>
    public string PatientId3 { get => Get(5); set => Set(5, value); }

    /// <summary>P-6 components: last^first^middle^suffix^title.</summary>
    public IReadOnlyList<string> Name { get => Record.Components(6); set => Record.SetComponents(6, value); }

    public string LastName => Record.Component(6, 1);

    public string FirstName => Record.Component(6, 2);

    /// <summary>P-8, YYYYMMDD.</summary>
    public string BirthDate { get => Get(8); set => Set(8, value); }

    /// <summary>P-9: M, F, U.</summary>
    public string Sex { get => Get(9); set => Set(9, value); }

    /// <summary>P-14.</summary>
    public string AttendingPhysician { get => Get(14); set => Set(14, value); }

    /// <summary>P-26.</summary>
    public string Location { get => Get(26); set => Set(26, value); }
}
