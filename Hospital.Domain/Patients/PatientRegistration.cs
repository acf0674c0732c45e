using Hospital.Domain.Catalog;
using Hospital.Domain.Data;

namespace Hospital.Domain.Patients;

/// <summary>Setting <c>Reception:PatientCodeFormat</c>: the pattern of <see cref="IdentifierSequences.Format"/>.</summary>
public sealed class PatientCodeOptions
{
    public const string DefaultFormat = "{yy}{seq:7}";
    public string PatientCodeFormat { get; set; } = DefaultFormat;
}

/// <summary>
/// Creates and edits patient records for the reception pages and the API alike: validation
/// (<see cref="PatientValidation"/>), duplicate detection, patient code from the database
/// sequence, name keys, and the BHYT card. Nothing is written unless everything is valid; the
/// audit interceptor records every change in the same transaction.
/// </summary>
public sealed class PatientRegistration(HospitalDbContext db, PatientCodeOptions options)
{
    public async Task<RegistrationResult> CreateAsync(PatientInput input, ClerkAction by, CancellationToken ct = default)
    {
        var (value, errors) = await new PatientValidation(db).CheckAsync(input, by.Today, [], ct);
        if (value is null) return RegistrationResult.Invalid(errors);
        if (await FindDuplicateAsync(value, null, input.ConfirmDuplicate, ct) is { } duplicate) return RegistrationResult.DuplicateOf(duplicate);

        var patient = new Patient { CreatedAt = by.NowUtc, CreatedBy = by.User };
        Apply(patient, value);
        AddOrUpdateCard(patient, value, by.NowUtc);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await IdentifierSequences.NextAsync(db, IdentifierSequences.PatientCode, ct);
        var facility = options.PatientCodeFormat.Contains("{facility}", StringComparison.Ordinal)
            ? await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).Select(f => f.FacilityCode).FirstOrDefaultAsync(ct) ?? ""
            : "";
        patient.Code = IdentifierSequences.Format(options.PatientCodeFormat, sequence, by.Today, facility);
        db.Add(patient);
        await db.SaveChangesAsync(ct);
        // The name keys reference the new id, so they are written in a second save of the same transaction.
        await PatientNameKeys.SyncAsync(db, patient, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RegistrationResult.Saved(patient);
    }

    public async Task<RegistrationResult> UpdateAsync(int id, PatientInput input, ClerkAction by, CancellationToken ct = default)
    {
        var patient = await db.Set<Patient>().Include(p => p.BhytCards).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null || patient.VoidedAt is not null) return RegistrationResult.Missing();
        if (patient.MergedIntoId is { } survivor)
            return RegistrationResult.Invalid("", $"Hồ sơ này đã được gộp vào hồ sơ khác (mã số {survivor}); hãy sửa hồ sơ còn lại.");

        var ownCards = patient.BhytCards.Where(c => c.VoidedAt is null).Select(c => c.Number).ToList();
        var (value, errors) = await new PatientValidation(db).CheckAsync(input, by.Today, ownCards, ct);
        if (value is null) return RegistrationResult.Invalid(errors);
        // The name/birth/commune warning matters when those change, not on every later edit of a known namesake.
        var identityChanged = value.FullName != patient.FullName || value.DateOfBirth != patient.DateOfBirth
            || value.BirthYear != patient.BirthYear || value.CommuneCode != patient.CommuneCode;
        if (await FindDuplicateAsync(value, patient.Id, input.ConfirmDuplicate || !identityChanged, ct) is { } duplicate)
            return RegistrationResult.DuplicateOf(duplicate);

        var renamed = value.FullName != patient.FullName;
        Apply(patient, value);
        patient.UpdatedAt = by.NowUtc;
        AddOrUpdateCard(patient, value, by.NowUtc);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (renamed) await PatientNameKeys.SyncAsync(db, patient, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RegistrationResult.Saved(patient);
    }

    private static void Apply(Patient p, PatientValidation.Cleaned v)
    {
        p.FullName = v.FullName;
        p.SearchKey = Text.VietnameseText.SearchKey(v.FullName);
        p.DateOfBirth = v.DateOfBirth;
        p.BirthYear = v.BirthYear;
        p.Sex = v.Sex;
        p.Cccd = v.Cccd;
        p.OldIdNumber = v.OldIdNumber;
        p.Phone = v.Phone;
        p.ProvinceCode = v.ProvinceCode;
        p.CommuneCode = v.CommuneCode;
        p.AddressLine = v.AddressLine;
        p.EthnicityCode = v.EthnicityCode;
        p.NationalityCode = v.NationalityCode;
        p.OccupationCode = v.OccupationCode;
        p.GuardianName = v.GuardianName;
        p.GuardianPhone = v.GuardianPhone;
        p.GuardianRelation = v.GuardianRelation;
        p.GuardianCccd = v.GuardianCccd;
    }

    /// <summary>
    /// A number the patient already holds updates that card (dates, facility); a new number adds a
    /// card and the old ones stay as history. An empty number leaves the cards alone.
    /// </summary>
    private static void AddOrUpdateCard(Patient p, PatientValidation.Cleaned v, DateTime now)
    {
        if (v.Card is null) return;
        var card = p.BhytCards.FirstOrDefault(c => c.VoidedAt is null && c.Number == v.Card.Value);
        if (card is null)
        {
            card = new BhytCard { Number = v.Card.Value, SocialInsuranceNumber = v.Card.SocialInsuranceNumber, CreatedAt = now };
            p.BhytCards.Add(card);
        }
        card.ValidFrom = v.CardValidFrom!.Value;
        card.ValidTo = v.CardValidTo!.Value;
        card.RegisteredFacilityCode = v.CardFacility!;
        card.FiveYearsContinuousFrom = v.CardFiveYearsFrom;
    }

    /// <summary>
    /// Another live record with the same CCCD or the same social-insurance number (the lifelong
    /// last 10 characters of the card, so a renewed card with a new group code is still caught)
    /// is the same person: blocked. Same name + birth + commune is only likely: a warning.
    /// A merged record answers with its survivor.
    /// </summary>
    private async Task<DuplicatePatient?> FindDuplicateAsync(PatientValidation.Cleaned v, int? self, bool nameWarningConfirmed, CancellationToken ct)
    {
        var live = db.Set<Patient>().AsNoTracking().Where(p => p.VoidedAt == null && p.Id != (self ?? 0));
        if (v.Cccd is { } cccd && await live.Where(p => p.Cccd == cccd).OrderBy(p => p.MergedIntoId != null).ThenBy(p => p.Id)
                .Select(p => p.Id).FirstOrDefaultAsync(ct) is > 0 and var byCccd)
            return await DescribeAsync(DuplicateKind.Cccd, byCccd, "Số CCCD {0} đã có trong hồ sơ {1} – {2}.", cccd, self, ct);

        if (v.Card is { } card)
        {
            var holder = await db.Set<BhytCard>().AsNoTracking()
                .Where(c => c.VoidedAt == null && c.SocialInsuranceNumber == card.SocialInsuranceNumber && c.PatientId != (self ?? 0))
                .Join(live, c => c.PatientId, p => p.Id, (c, p) => p.Id).FirstOrDefaultAsync(ct);
            if (holder > 0)
                return await DescribeAsync(DuplicateKind.BhytCard, holder, "Thẻ BHYT mã số BHXH {0} đã thuộc hồ sơ {1} – {2}.", card.SocialInsuranceNumber, self, ct);
        }

        if (nameWarningConfirmed) return null;
        var key = Text.VietnameseText.SearchKey(v.FullName);
        var namesakes = live.Where(p => p.MergedIntoId == null && p.SearchKey == key && p.ProvinceCode == v.ProvinceCode && p.CommuneCode == v.CommuneCode);
        namesakes = v.DateOfBirth is { } dob
            ? namesakes.Where(p => p.DateOfBirth == dob || (p.DateOfBirth == null && p.BirthYear == v.BirthYear))
            : namesakes.Where(p => p.BirthYear == v.BirthYear);
        var same = await namesakes.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(ct);
        return same > 0
            ? await DescribeAsync(DuplicateKind.NameBirthCommune, same,
                "Đã có người bệnh cùng họ tên, ngày/năm sinh và địa chỉ: hồ sơ {1} – {2}. Kiểm tra có phải cùng một người không; nếu khác người, xác nhận để vẫn lưu.", "", self, ct)
            : null;
    }

    private async Task<DuplicatePatient> DescribeAsync(DuplicateKind kind, int id, string format, string value, int? self, CancellationToken ct)
    {
        // Follow merges to the record still in use (a survivor can itself be merged later).
        for (var hops = 0; hops < 10; hops++)
        {
            var next = await db.Set<Patient>().AsNoTracking().Where(p => p.Id == id).Select(p => p.MergedIntoId).FirstAsync(ct);
            if (next is null || next == self) break;
            id = next.Value;
        }
        var p = await db.Set<Patient>().AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Code, x.FullName }).FirstAsync(ct);
        return new DuplicatePatient(kind, id, p.Code, p.FullName, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, value, p.Code, p.FullName));
    }
}
