"""The methods of wodc's dataclasses (wodc/frozen.py), written by `make tables`
(wodc/dataclass_codegen.py): do not edit. tests/test_frozen.py checks this is what the classes
give, and that the methods do what dataclasses' do."""

# A field's default when the caller gave none and it has a default_factory (dataclasses'
# own sentinel of that name, and the same repr in a signature).


class _HasDefaultFactory:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def _wodc_backends_Options(fields):
    _dflt_card_format = fields['card_format'].default
    _dflt_created = fields['created'].default_factory
    _dflt_author = fields['author'].default
    _dflt_all_day = fields['all_day'].default
    _dflt_at = fields['at'].default
    _dflt_dry_run = fields['dry_run'].default

    def __init__(self, card_format=_dflt_card_format, created=_HAS_DEFAULT_FACTORY, author=_dflt_author, all_day=_dflt_all_day, at=_dflt_at, dry_run=_dflt_dry_run):
        self.card_format = card_format
        self.created = (_dflt_created() if created is _HAS_DEFAULT_FACTORY else created)
        self.author = author
        self.all_day = all_day
        self.at = at
        self.dry_run = dry_run

    def __repr__(self):
        return f"{self.__class__.__qualname__}(card_format={self.card_format!r}, created={self.created!r}, author={self.author!r}, all_day={self.all_day!r}, at={self.at!r}, dry_run={self.dry_run!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.card_format, self.created, self.author, self.all_day, self.at, self.dry_run,) == (other.card_format, other.created, other.author, other.all_day, other.at, other.dry_run,)
        return NotImplemented

    def __hash__(self):
        return hash((self.card_format, self.created, self.author, self.all_day, self.at, self.dry_run,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_Result(fields):
    _dflt_problems = fields['problems'].default_factory

    def __init__(self, data, problems=_HAS_DEFAULT_FACTORY):
        self.data = data
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(data={self.data!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.data, self.problems,) == (other.data, other.problems,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_backends_erg_Cue(fields):

    def __init__(self, start, text):
        self.start = start
        self.text = text

    def __repr__(self):
        return f"{self.__class__.__qualname__}(start={self.start!r}, text={self.text!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start, self.text,) == (other.start, other.text,)
        return NotImplemented

    def __hash__(self):
        return hash((self.start, self.text,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_erg_Segment(fields):

    def __init__(self, start, seconds, first, last):
        self.start = start
        self.seconds = seconds
        self.first = first
        self.last = last

    def __repr__(self):
        return f"{self.__class__.__qualname__}(start={self.start!r}, seconds={self.seconds!r}, first={self.first!r}, last={self.last!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start, self.seconds, self.first, self.last,) == (other.start, other.seconds, other.first, other.last,)
        return NotImplemented

    def __hash__(self):
        return hash((self.start, self.seconds, self.first, self.last,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_fit_FitDuration(fields):
    _dflt_value = fields['value'].default

    def __init__(self, kind, value=_dflt_value):
        self.kind = kind
        self.value = value

    def __repr__(self):
        return f"{self.__class__.__qualname__}(kind={self.kind!r}, value={self.value!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.kind, self.value,) == (other.kind, other.value,)
        return NotImplemented

    def __hash__(self):
        return hash((self.kind, self.value,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_fit_FitStep(fields):
    _dflt_name = fields['name'].default
    _dflt_notes = fields['notes'].default
    _dflt_intensity = fields['intensity'].default
    _dflt_duration = fields['duration'].default
    _dflt_target = fields['target'].default
    _dflt_secondary = fields['secondary'].default
    _dflt_repeat_from = fields['repeat_from'].default
    _dflt_repeat_count = fields['repeat_count'].default

    def __init__(self, name=_dflt_name, notes=_dflt_notes, intensity=_dflt_intensity, duration=_dflt_duration, target=_dflt_target, secondary=_dflt_secondary, repeat_from=_dflt_repeat_from, repeat_count=_dflt_repeat_count):
        self.name = name
        self.notes = notes
        self.intensity = intensity
        self.duration = duration
        self.target = target
        self.secondary = secondary
        self.repeat_from = repeat_from
        self.repeat_count = repeat_count

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, notes={self.notes!r}, intensity={self.intensity!r}, duration={self.duration!r}, target={self.target!r}, secondary={self.secondary!r}, repeat_from={self.repeat_from!r}, repeat_count={self.repeat_count!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.notes, self.intensity, self.duration, self.target, self.secondary, self.repeat_from, self.repeat_count,) == (other.name, other.notes, other.intensity, other.duration, other.target, other.secondary, other.repeat_from, other.repeat_count,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.notes, self.intensity, self.duration, self.target, self.secondary, self.repeat_from, self.repeat_count,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_fit_FitTarget(fields):
    _dflt_low = fields['low'].default
    _dflt_high = fields['high'].default
    _dflt_zone = fields['zone'].default
    _dflt_percent = fields['percent'].default

    def __init__(self, kind, low=_dflt_low, high=_dflt_high, zone=_dflt_zone, percent=_dflt_percent):
        self.kind = kind
        self.low = low
        self.high = high
        self.zone = zone
        self.percent = percent

    def __repr__(self):
        return f"{self.__class__.__qualname__}(kind={self.kind!r}, low={self.low!r}, high={self.high!r}, zone={self.zone!r}, percent={self.percent!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.kind, self.low, self.high, self.zone, self.percent,) == (other.kind, other.low, other.high, other.zone, other.percent,)
        return NotImplemented

    def __hash__(self):
        return hash((self.kind, self.low, self.high, self.zone, self.percent,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_fit_FitWorkout(fields):

    def __init__(self, name, description, sport, sub_sport, serial_number, time_created, steps):
        self.name = name
        self.description = description
        self.sport = sport
        self.sub_sport = sub_sport
        self.serial_number = serial_number
        self.time_created = time_created
        self.steps = steps

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, description={self.description!r}, sport={self.sport!r}, sub_sport={self.sub_sport!r}, serial_number={self.serial_number!r}, time_created={self.time_created!r}, steps={self.steps!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.description, self.sport, self.sub_sport, self.serial_number, self.time_created, self.steps,) == (other.name, other.description, other.sport, other.sub_sport, other.serial_number, other.time_created, other.steps,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.description, self.sport, self.sub_sport, self.serial_number, self.time_created, self.steps,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_treadmill_Program(fields):

    def __init__(self, workout, treadmill, segments, repeats):
        self.workout = workout
        self.treadmill = treadmill
        self.segments = segments
        self.repeats = repeats

    def __repr__(self):
        return f"{self.__class__.__qualname__}(workout={self.workout!r}, treadmill={self.treadmill!r}, segments={self.segments!r}, repeats={self.repeats!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.workout, self.treadmill, self.segments, self.repeats,) == (other.workout, other.treadmill, other.segments, other.repeats,)
        return NotImplemented

    def __hash__(self):
        return hash((self.workout, self.treadmill, self.segments, self.repeats,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_treadmill_RepeatSpan(fields):

    def __init__(self, first, last, count):
        self.first = first
        self.last = last
        self.count = count

    def __repr__(self):
        return f"{self.__class__.__qualname__}(first={self.first!r}, last={self.last!r}, count={self.count!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.first, self.last, self.count,) == (other.first, other.last, other.count,)
        return NotImplemented

    def __hash__(self):
        return hash((self.first, self.last, self.count,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_treadmill_Segment(fields):
    _dflt_ramp_part = fields['ramp_part'].default
    _dflt_ramp_parts = fields['ramp_parts'].default
    _dflt_ramp = fields['ramp'].default

    def __init__(self, number, start, seconds, speed, incline, step, why, ramp_part=_dflt_ramp_part, ramp_parts=_dflt_ramp_parts, ramp=_dflt_ramp):
        self.number = number
        self.start = start
        self.seconds = seconds
        self.speed = speed
        self.incline = incline
        self.step = step
        self.why = why
        self.ramp_part = ramp_part
        self.ramp_parts = ramp_parts
        self.ramp = ramp

    def __repr__(self):
        return f"{self.__class__.__qualname__}(number={self.number!r}, start={self.start!r}, seconds={self.seconds!r}, speed={self.speed!r}, incline={self.incline!r}, step={self.step!r}, why={self.why!r}, ramp_part={self.ramp_part!r}, ramp_parts={self.ramp_parts!r}, ramp={self.ramp!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.number, self.start, self.seconds, self.speed, self.incline, self.step, self.why, self.ramp_part, self.ramp_parts, self.ramp,) == (other.number, other.start, other.seconds, other.speed, other.incline, other.step, other.why, other.ramp_part, other.ramp_parts, other.ramp,)
        return NotImplemented

    def __hash__(self):
        return hash((self.number, self.start, self.seconds, self.speed, self.incline, self.step, self.why, self.ramp_part, self.ramp_parts, self.ramp,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_treadmill__Plan(fields):

    def __init__(self, seconds, speed, end_speed, incline, why):
        self.seconds = seconds
        self.speed = speed
        self.end_speed = end_speed
        self.incline = incline
        self.why = why

    def __repr__(self):
        return f"{self.__class__.__qualname__}(seconds={self.seconds!r}, speed={self.speed!r}, end_speed={self.end_speed!r}, incline={self.incline!r}, why={self.why!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.seconds, self.speed, self.end_speed, self.incline, self.why,) == (other.seconds, other.speed, other.end_speed, other.incline, other.why,)
        return NotImplemented

    def __hash__(self):
        return hash((self.seconds, self.speed, self.end_speed, self.incline, self.why,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_treadmill_speed_Speed(fields):
    _dflt_end = fields['end'].default
    _dflt_why = fields['why'].default

    def __init__(self, speed, end=_dflt_end, why=_dflt_why):
        self.speed = speed
        self.end = end
        self.why = why

    def __repr__(self):
        return f"{self.__class__.__qualname__}(speed={self.speed!r}, end={self.end!r}, why={self.why!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.speed, self.end, self.why,) == (other.speed, other.end, other.why,)
        return NotImplemented

    def __hash__(self):
        return hash((self.speed, self.end, self.why,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_zwo_levels_Level(fields):
    _dflt_end = fields['end'].default
    _dflt_pace = fields['pace'].default
    _dflt_symbolic = fields['symbolic'].default

    def __init__(self, start, end=_dflt_end, pace=_dflt_pace, symbolic=_dflt_symbolic):
        self.start = start
        self.end = end
        self.pace = pace
        self.symbolic = symbolic

    def __repr__(self):
        return f"{self.__class__.__qualname__}(start={self.start!r}, end={self.end!r}, pace={self.pace!r}, symbolic={self.symbolic!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start, self.end, self.pace, self.symbolic,) == (other.start, other.end, other.pace, other.symbolic,)
        return NotImplemented

    def __hash__(self):
        return hash((self.start, self.end, self.pace, self.symbolic,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_zwo_xml_Block(fields):
    _dflt_power = fields['power'].default
    _dflt_power_low = fields['power_low'].default
    _dflt_power_high = fields['power_high'].default
    _dflt_pace = fields['pace'].default
    _dflt_symbolic = fields['symbolic'].default
    _dflt_cadence = fields['cadence'].default
    _dflt_message = fields['message'].default

    def __init__(self, tag, duration, power=_dflt_power, power_low=_dflt_power_low, power_high=_dflt_power_high, pace=_dflt_pace, symbolic=_dflt_symbolic, cadence=_dflt_cadence, message=_dflt_message):
        self.tag = tag
        self.duration = duration
        self.power = power
        self.power_low = power_low
        self.power_high = power_high
        self.pace = pace
        self.symbolic = symbolic
        self.cadence = cadence
        self.message = message

    def __repr__(self):
        return f"{self.__class__.__qualname__}(tag={self.tag!r}, duration={self.duration!r}, power={self.power!r}, power_low={self.power_low!r}, power_high={self.power_high!r}, pace={self.pace!r}, symbolic={self.symbolic!r}, cadence={self.cadence!r}, message={self.message!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.tag, self.duration, self.power, self.power_low, self.power_high, self.pace, self.symbolic, self.cadence, self.message,) == (other.tag, other.duration, other.power, other.power_low, other.power_high, other.pace, other.symbolic, other.cadence, other.message,)
        return NotImplemented

    def __hash__(self):
        return hash((self.tag, self.duration, self.power, self.power_low, self.power_high, self.pace, self.symbolic, self.cadence, self.message,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_backends_zwo_xml_Intervals(fields):

    def __init__(self, repeat, on, off):
        self.repeat = repeat
        self.on = on
        self.off = off

    def __repr__(self):
        return f"{self.__class__.__qualname__}(repeat={self.repeat!r}, on={self.on!r}, off={self.off!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.repeat, self.on, self.off,) == (other.repeat, other.on, other.off,)
        return NotImplemented

    def __hash__(self):
        return hash((self.repeat, self.on, self.off,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_compiler_Compiled(fields):
    _dflt_outputs = fields['outputs'].default_factory
    _dflt_problems = fields['problems'].default_factory
    _dflt_failed = fields['failed'].default_factory
    _dflt_skipped = fields['skipped'].default_factory

    def __init__(self, outputs=_HAS_DEFAULT_FACTORY, problems=_HAS_DEFAULT_FACTORY, failed=_HAS_DEFAULT_FACTORY, skipped=_HAS_DEFAULT_FACTORY):
        self.outputs = (_dflt_outputs() if outputs is _HAS_DEFAULT_FACTORY else outputs)
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)
        self.failed = (_dflt_failed() if failed is _HAS_DEFAULT_FACTORY else failed)
        self.skipped = (_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(outputs={self.outputs!r}, problems={self.problems!r}, failed={self.failed!r}, skipped={self.skipped!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.outputs, self.problems, self.failed, self.skipped,) == (other.outputs, other.problems, other.failed, other.skipped,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_compiler_Outcome(fields):
    _dflt_problems = fields['problems'].default_factory
    _dflt_summary = fields['summary'].default_factory
    _dflt_written = fields['written'].default_factory

    def __init__(self, problems=_HAS_DEFAULT_FACTORY, summary=_HAS_DEFAULT_FACTORY, written=_HAS_DEFAULT_FACTORY):
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)
        self.summary = (_dflt_summary() if summary is _HAS_DEFAULT_FACTORY else summary)
        self.written = (_dflt_written() if written is _HAS_DEFAULT_FACTORY else written)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(problems={self.problems!r}, summary={self.summary!r}, written={self.written!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.problems, self.summary, self.written,) == (other.problems, other.summary, other.written,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_editor_Analysis(fields):
    _dflt_problems = fields['problems'].default_factory
    _dflt_workouts = fields['workouts'].default_factory
    _dflt_profile = fields['profile'].default_factory
    _dflt_plan = fields['plan'].default
    _dflt_profiles_used = fields['profiles_used'].default_factory

    def __init__(self, path, text, problems=_HAS_DEFAULT_FACTORY, workouts=_HAS_DEFAULT_FACTORY, profile=_HAS_DEFAULT_FACTORY, plan=_dflt_plan, profiles_used=_HAS_DEFAULT_FACTORY):
        self.path = path
        self.text = text
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)
        self.workouts = (_dflt_workouts() if workouts is _HAS_DEFAULT_FACTORY else workouts)
        self.profile = (_dflt_profile() if profile is _HAS_DEFAULT_FACTORY else profile)
        self.plan = plan
        self.profiles_used = (_dflt_profiles_used() if profiles_used is _HAS_DEFAULT_FACTORY else profiles_used)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(path={self.path!r}, text={self.text!r}, problems={self.problems!r}, workouts={self.workouts!r}, profile={self.profile!r}, plan={self.plan!r}, profiles_used={self.profiles_used!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.text, self.problems, self.workouts, self.profile, self.plan, self.profiles_used,) == (other.path, other.text, other.problems, other.workouts, other.profile, other.plan, other.profiles_used,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_editor_Completion(fields):
    _dflt_detail = fields['detail'].default
    _dflt_insert = fields['insert'].default

    def __init__(self, label, kind, detail=_dflt_detail, insert=_dflt_insert):
        self.label = label
        self.kind = kind
        self.detail = detail
        self.insert = insert

    def __repr__(self):
        return f"{self.__class__.__qualname__}(label={self.label!r}, kind={self.kind!r}, detail={self.detail!r}, insert={self.insert!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.label, self.kind, self.detail, self.insert,) == (other.label, other.kind, other.detail, other.insert,)
        return NotImplemented

    def __hash__(self):
        return hash((self.label, self.kind, self.detail, self.insert,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_editor_Fix(fields):

    def __init__(self, title, span, new_text):
        self.title = title
        self.span = span
        self.new_text = new_text

    def __repr__(self):
        return f"{self.__class__.__qualname__}(title={self.title!r}, span={self.span!r}, new_text={self.new_text!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.title, self.span, self.new_text,) == (other.title, other.span, other.new_text,)
        return NotImplemented

    def __hash__(self):
        return hash((self.title, self.span, self.new_text,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_editor_Hover(fields):

    def __init__(self, text, span):
        self.text = text
        self.span = span

    def __repr__(self):
        return f"{self.__class__.__qualname__}(text={self.text!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text, self.span,) == (other.text, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_editor_Symbol(fields):
    _dflt_children = fields['children'].default

    def __init__(self, name, kind, span, children=_dflt_children):
        self.name = name
        self.kind = kind
        self.span = span
        self.children = children

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, kind={self.kind!r}, span={self.span!r}, children={self.children!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.kind, self.span, self.children,) == (other.name, other.kind, other.span, other.children,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.kind, self.span, self.children,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_errors_Diagnostic(fields):
    _dflt_severity = fields['severity'].default
    _dflt_hint = fields['hint'].default
    _dflt_source_line = fields['source_line'].default
    _dflt_width = fields['width'].default

    def __init__(self, path, line, column, message, severity=_dflt_severity, hint=_dflt_hint, source_line=_dflt_source_line, width=_dflt_width):
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
        self.hint = hint
        self.source_line = source_line
        self.width = width

    def __repr__(self):
        return f"{self.__class__.__qualname__}(path={self.path!r}, line={self.line!r}, column={self.column!r}, message={self.message!r}, severity={self.severity!r}, hint={self.hint!r}, source_line={self.source_line!r}, width={self.width!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.line, self.column, self.message, self.severity, self.hint, self.source_line, self.width,) == (other.path, other.line, other.column, other.message, other.severity, other.hint, other.source_line, other.width,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path, self.line, self.column, self.message, self.severity, self.hint, self.source_line, self.width,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_errors_Source(fields):

    def __init__(self, path, text):
        self.path = path
        self.text = text

    def __repr__(self):
        return f"{self.__class__.__qualname__}(path={self.path!r}, text={self.text!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.text,) == (other.path, other.text,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path, self.text,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_errors_Span(fields):

    def __init__(self, line, column, end_line, end_column):
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def __repr__(self):
        return f"{self.__class__.__qualname__}(line={self.line!r}, column={self.column!r}, end_line={self.end_line!r}, end_column={self.end_column!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.line, self.column, self.end_line, self.end_column,) == (other.line, other.column, other.end_line, other.end_column,)
        return NotImplemented

    def __hash__(self):
        return hash((self.line, self.column, self.end_line, self.end_column,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_importers_Imported(fields):
    _dflt_workouts = fields['workouts'].default_factory
    _dflt_problems = fields['problems'].default_factory

    def __init__(self, workouts=_HAS_DEFAULT_FACTORY, problems=_HAS_DEFAULT_FACTORY):
        self.workouts = (_dflt_workouts() if workouts is _HAS_DEFAULT_FACTORY else workouts)
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(workouts={self.workouts!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.workouts, self.problems,) == (other.workouts, other.problems,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_intensity_Block(fields):

    def __init__(self, step, start, seconds, start_level, end_level, estimated):
        self.step = step
        self.start = start
        self.seconds = seconds
        self.start_level = start_level
        self.end_level = end_level
        self.estimated = estimated

    def __repr__(self):
        return f"{self.__class__.__qualname__}(step={self.step!r}, start={self.start!r}, seconds={self.seconds!r}, start_level={self.start_level!r}, end_level={self.end_level!r}, estimated={self.estimated!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.step, self.start, self.seconds, self.start_level, self.end_level, self.estimated,) == (other.step, other.start, other.seconds, other.start_level, other.end_level, other.estimated,)
        return NotImplemented

    def __hash__(self):
        return hash((self.step, self.start, self.seconds, self.start_level, self.end_level, self.estimated,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Band(fields):
    _dflt_limit = fields['limit'].default

    def __init__(self, channel, low, high, nominal, limit=_dflt_limit):
        self.channel = channel
        self.low = low
        self.high = high
        self.nominal = nominal
        self.limit = limit

    def __repr__(self):
        return f"{self.__class__.__qualname__}(channel={self.channel!r}, low={self.low!r}, high={self.high!r}, nominal={self.nominal!r}, limit={self.limit!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.channel, self.low, self.high, self.nominal, self.limit,) == (other.channel, other.low, other.high, other.nominal, other.limit,)
        return NotImplemented

    def __hash__(self):
        return hash((self.channel, self.low, self.high, self.nominal, self.limit,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Cadence(fields):

    def __init__(self, low, high, unit, span):
        self.low = low
        self.high = high
        self.unit = unit
        self.span = span

    def __repr__(self):
        return f"{self.__class__.__qualname__}(low={self.low!r}, high={self.high!r}, unit={self.unit!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.low, self.high, self.unit, self.span,) == (other.low, other.high, other.unit, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.low, self.high, self.unit, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_DistanceDuration(fields):

    def __init__(self, metres, unit):
        self.metres = metres
        self.unit = unit

    def __repr__(self):
        return f"{self.__class__.__qualname__}(metres={self.metres!r}, unit={self.unit!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.metres, self.unit,) == (other.metres, other.unit,)
        return NotImplemented

    def __hash__(self):
        return hash((self.metres, self.unit,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Effort(fields):

    def __init__(self, rpe):
        self.rpe = rpe

    def __repr__(self):
        return f"{self.__class__.__qualname__}(rpe={self.rpe!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.rpe,) == (other.rpe,)
        return NotImplemented

    def __hash__(self):
        return hash((self.rpe,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_HeartRate(fields):

    def __init__(self, bpm):
        self.bpm = bpm

    def __repr__(self):
        return f"{self.__class__.__qualname__}(bpm={self.bpm!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.bpm,) == (other.bpm,)
        return NotImplemented

    def __hash__(self):
        return hash((self.bpm,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_HeartRateDuration(fields):

    def __init__(self, bpm, above):
        self.bpm = bpm
        self.above = above

    def __repr__(self):
        return f"{self.__class__.__qualname__}(bpm={self.bpm!r}, above={self.above!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.bpm, self.above,) == (other.bpm, other.above,)
        return NotImplemented

    def __hash__(self):
        return hash((self.bpm, self.above,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_HeartRatePercent(fields):

    def __init__(self, percent, of):
        self.percent = percent
        self.of = of

    def __repr__(self):
        return f"{self.__class__.__qualname__}(percent={self.percent!r}, of={self.of!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.percent, self.of,) == (other.percent, other.of,)
        return NotImplemented

    def __hash__(self):
        return hash((self.percent, self.of,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_HeartRateZone(fields):

    def __init__(self, zone):
        self.zone = zone

    def __repr__(self):
        return f"{self.__class__.__qualname__}(zone={self.zone!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.zone,) == (other.zone,)
        return NotImplemented

    def __hash__(self):
        return hash((self.zone,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Incline(fields):

    def __init__(self, percent, span):
        self.percent = percent
        self.span = span

    def __repr__(self):
        return f"{self.__class__.__qualname__}(percent={self.percent!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.percent, self.span,) == (other.percent, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.percent, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_MaxEffort(fields):

    def __init__(self):
        pass

    def __repr__(self):
        return f"{self.__class__.__qualname__}()"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return () == ()
        return NotImplemented

    def __hash__(self):
        return hash(())

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_OpenDuration(fields):

    def __init__(self):
        pass

    def __repr__(self):
        return f"{self.__class__.__qualname__}()"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return () == ()
        return NotImplemented

    def __hash__(self):
        return hash(())

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Pace(fields):

    def __init__(self, speed, per):
        self.speed = speed
        self.per = per

    def __repr__(self):
        return f"{self.__class__.__qualname__}(speed={self.speed!r}, per={self.per!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.speed, self.per,) == (other.speed, other.per,)
        return NotImplemented

    def __hash__(self):
        return hash((self.speed, self.per,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_PaceName(fields):
    _dflt_offset_seconds = fields['offset_seconds'].default
    _dflt_offset_metres = fields['offset_metres'].default
    _dflt_speed_percent = fields['speed_percent'].default

    def __init__(self, name, offset_seconds=_dflt_offset_seconds, offset_metres=_dflt_offset_metres, speed_percent=_dflt_speed_percent):
        self.name = name
        self.offset_seconds = offset_seconds
        self.offset_metres = offset_metres
        self.speed_percent = speed_percent

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, offset_seconds={self.offset_seconds!r}, offset_metres={self.offset_metres!r}, speed_percent={self.speed_percent!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.offset_seconds, self.offset_metres, self.speed_percent,) == (other.name, other.offset_seconds, other.offset_metres, other.speed_percent,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.offset_seconds, self.offset_metres, self.speed_percent,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Power(fields):

    def __init__(self, watts):
        self.watts = watts

    def __repr__(self):
        return f"{self.__class__.__qualname__}(watts={self.watts!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.watts,) == (other.watts,)
        return NotImplemented

    def __hash__(self):
        return hash((self.watts,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_PowerPercent(fields):

    def __init__(self, percent):
        self.percent = percent

    def __repr__(self):
        return f"{self.__class__.__qualname__}(percent={self.percent!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.percent,) == (other.percent,)
        return NotImplemented

    def __hash__(self):
        return hash((self.percent,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_PowerZone(fields):

    def __init__(self, zone):
        self.zone = zone

    def __repr__(self):
        return f"{self.__class__.__qualname__}(zone={self.zone!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.zone,) == (other.zone,)
        return NotImplemented

    def __hash__(self):
        return hash((self.zone,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_RepTime(fields):

    def __init__(self, seconds):
        self.seconds = seconds

    def __repr__(self):
        return f"{self.__class__.__qualname__}(seconds={self.seconds!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.seconds,) == (other.seconds,)
        return NotImplemented

    def __hash__(self):
        return hash((self.seconds,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Repeat(fields):

    def __init__(self, count, children, span):
        self.count = count
        self.children = children
        self.span = span

    def __repr__(self):
        return f"{self.__class__.__qualname__}(count={self.count!r}, children={self.children!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.count, self.children, self.span,) == (other.count, other.children, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.count, self.children, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_ResolvedTarget(fields):
    _dflt_ramp_end = fields['ramp_end'].default

    def __init__(self, band, ramp_end=_dflt_ramp_end):
        self.band = band
        self.ramp_end = ramp_end

    def __repr__(self):
        return f"{self.__class__.__qualname__}(band={self.band!r}, ramp_end={self.ramp_end!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.band, self.ramp_end,) == (other.band, other.ramp_end,)
        return NotImplemented

    def __hash__(self):
        return hash((self.band, self.ramp_end,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_SameDuration(fields):

    def __init__(self):
        pass

    def __repr__(self):
        return f"{self.__class__.__qualname__}()"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return () == ()
        return NotImplemented

    def __hash__(self):
        return hash(())

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Speed(fields):

    def __init__(self, speed, unit):
        self.speed = speed
        self.unit = unit

    def __repr__(self):
        return f"{self.__class__.__qualname__}(speed={self.speed!r}, unit={self.unit!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.speed, self.unit,) == (other.speed, other.unit,)
        return NotImplemented

    def __hash__(self):
        return hash((self.speed, self.unit,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Step(fields):
    _dflt_duration_span = fields['duration_span'].default
    _dflt_resolved = fields['resolved'].default
    _dflt_between = fields['between'].default
    _dflt_word = fields['word'].default

    def __init__(self, kind, duration, target, incline, cadence, note, span, duration_span=_dflt_duration_span, resolved=_dflt_resolved, between=_dflt_between, word=_dflt_word):
        self.kind = kind
        self.duration = duration
        self.target = target
        self.incline = incline
        self.cadence = cadence
        self.note = note
        self.span = span
        self.duration_span = duration_span
        self.resolved = resolved
        self.between = between
        self.word = word

    def __repr__(self):
        return f"{self.__class__.__qualname__}(kind={self.kind!r}, duration={self.duration!r}, target={self.target!r}, incline={self.incline!r}, cadence={self.cadence!r}, note={self.note!r}, span={self.span!r}, duration_span={self.duration_span!r}, resolved={self.resolved!r}, between={self.between!r}, word={self.word!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.kind, self.duration, self.target, self.incline, self.cadence, self.note, self.span, self.duration_span, self.resolved, self.between,) == (other.kind, other.duration, other.target, other.incline, other.cadence, other.note, other.span, other.duration_span, other.resolved, other.between,)
        return NotImplemented

    def __hash__(self):
        return hash((self.kind, self.duration, self.target, self.incline, self.cadence, self.note, self.span, self.duration_span, self.resolved, self.between,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Target(fields):
    _dflt_limit = fields['limit'].default

    def __init__(self, start, end, ramp, text, span, limit=_dflt_limit):
        self.start = start
        self.end = end
        self.ramp = ramp
        self.text = text
        self.span = span
        self.limit = limit

    def __repr__(self):
        return f"{self.__class__.__qualname__}(start={self.start!r}, end={self.end!r}, ramp={self.ramp!r}, text={self.text!r}, span={self.span!r}, limit={self.limit!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start, self.end, self.ramp, self.text, self.span, self.limit,) == (other.start, other.end, other.ramp, other.text, other.span, other.limit,)
        return NotImplemented

    def __hash__(self):
        return hash((self.start, self.end, self.ramp, self.text, self.span, self.limit,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_TimeDuration(fields):

    def __init__(self, seconds):
        self.seconds = seconds

    def __repr__(self):
        return f"{self.__class__.__qualname__}(seconds={self.seconds!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.seconds,) == (other.seconds,)
        return NotImplemented

    def __hash__(self):
        return hash((self.seconds,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Unresolved(fields):

    def __init__(self, problem):
        self.problem = problem

    def __repr__(self):
        return f"{self.__class__.__qualname__}(problem={self.problem!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.problem,) == (other.problem,)
        return NotImplemented

    def __hash__(self):
        return hash((self.problem,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_WalkSpeed(fields):

    def __init__(self):
        pass

    def __repr__(self):
        return f"{self.__class__.__qualname__}()"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return () == ()
        return NotImplemented

    def __hash__(self):
        return hash(())

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Workout(fields):

    def __init__(self, name, sport, treadmill, indoor, notes, tags, author, incline, steps, span, source):
        self.name = name
        self.sport = sport
        self.treadmill = treadmill
        self.indoor = indoor
        self.notes = notes
        self.tags = tags
        self.author = author
        self.incline = incline
        self.steps = steps
        self.span = span
        self.source = source

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, sport={self.sport!r}, treadmill={self.treadmill!r}, indoor={self.indoor!r}, notes={self.notes!r}, tags={self.tags!r}, author={self.author!r}, incline={self.incline!r}, steps={self.steps!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.sport, self.treadmill, self.indoor, self.notes, self.tags, self.author, self.incline, self.steps, self.span,) == (other.name, other.sport, other.treadmill, other.indoor, other.notes, other.tags, other.author, other.incline, other.steps, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.sport, self.treadmill, self.indoor, self.notes, self.tags, self.author, self.incline, self.steps, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_ir_Zone(fields):

    def __init__(self, zone):
        self.zone = zone

    def __repr__(self):
        return f"{self.__class__.__qualname__}(zone={self.zone!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.zone,) == (other.zone,)
        return NotImplemented

    def __hash__(self):
        return hash((self.zone,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_language_fmt_FileOutcome(fields):
    _dflt_problems = fields['problems'].default_factory

    def __init__(self, path, old, new, problems=_HAS_DEFAULT_FACTORY):
        self.path = path
        self.old = old
        self.new = new
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(path={self.path!r}, old={self.old!r}, new={self.new!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path, self.old, self.new, self.problems,) == (other.path, other.old, other.new, other.problems,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_language_fmt_Formatted(fields):
    _dflt_problems = fields['problems'].default_factory

    def __init__(self, text, problems=_HAS_DEFAULT_FACTORY):
        self.text = text
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(text={self.text!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text, self.problems,) == (other.text, other.problems,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_language_printer_Comments(fields):
    _dflt_own = fields['own'].default_factory
    _dflt_trailing = fields['trailing'].default_factory
    _dflt_blank = fields['blank'].default_factory
    _dflt__sorted = fields['_sorted'].default

    def __init__(self, own=_HAS_DEFAULT_FACTORY, trailing=_HAS_DEFAULT_FACTORY, blank=_HAS_DEFAULT_FACTORY, _sorted=_dflt__sorted):
        self.own = (_dflt_own() if own is _HAS_DEFAULT_FACTORY else own)
        self.trailing = (_dflt_trailing() if trailing is _HAS_DEFAULT_FACTORY else trailing)
        self.blank = (_dflt_blank() if blank is _HAS_DEFAULT_FACTORY else blank)
        self._sorted = _sorted

    def __repr__(self):
        return f"{self.__class__.__qualname__}(own={self.own!r}, trailing={self.trailing!r}, blank={self.blank!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.own, self.trailing, self.blank,) == (other.own, other.trailing, other.blank,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_language_printer_HeaderLines(fields):
    _dflt_workout = fields['workout'].default
    _dflt_sport = fields['sport'].default
    _dflt_author = fields['author'].default
    _dflt_tags = fields['tags'].default
    _dflt_incline = fields['incline'].default
    _dflt_notes = fields['notes'].default

    def __init__(self, workout=_dflt_workout, sport=_dflt_sport, author=_dflt_author, tags=_dflt_tags, incline=_dflt_incline, notes=_dflt_notes):
        self.workout = workout
        self.sport = sport
        self.author = author
        self.tags = tags
        self.incline = incline
        self.notes = notes

    def __repr__(self):
        return f"{self.__class__.__qualname__}(workout={self.workout!r}, sport={self.sport!r}, author={self.author!r}, tags={self.tags!r}, incline={self.incline!r}, notes={self.notes!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.workout, self.sport, self.author, self.tags, self.incline, self.notes,) == (other.workout, other.sport, other.author, other.tags, other.incline, other.notes,)
        return NotImplemented

    def __hash__(self):
        return hash((self.workout, self.sport, self.author, self.tags, self.incline, self.notes,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_load_Load(fields):

    def __init__(self, score, kind, intensity_factor):
        self.score = score
        self.kind = kind
        self.intensity_factor = intensity_factor

    def __repr__(self):
        return f"{self.__class__.__qualname__}(score={self.score!r}, kind={self.kind!r}, intensity_factor={self.intensity_factor!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.score, self.kind, self.intensity_factor,) == (other.score, other.kind, other.intensity_factor,)
        return NotImplemented

    def __hash__(self):
        return hash((self.score, self.kind, self.intensity_factor,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_paces_TrainingPaces(fields):

    def __init__(self, easy, marathon, threshold, interval, repetition):
        self.easy = easy
        self.marathon = marathon
        self.threshold = threshold
        self.interval = interval
        self.repetition = repetition

    def __repr__(self):
        return f"{self.__class__.__qualname__}(easy={self.easy!r}, marathon={self.marathon!r}, threshold={self.threshold!r}, interval={self.interval!r}, repetition={self.repetition!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.easy, self.marathon, self.threshold, self.interval, self.repetition,) == (other.easy, other.marathon, other.threshold, other.interval, other.repetition,)
        return NotImplemented

    def __hash__(self):
        return hash((self.easy, self.marathon, self.threshold, self.interval, self.repetition,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_parallel_Checked(fields):
    _dflt_problems = fields['problems'].default_factory
    _dflt_files = fields['files'].default
    _dflt_workouts = fields['workouts'].default
    _dflt_plans = fields['plans'].default
    _dflt_profiles_used = fields['profiles_used'].default_factory
    _dflt_names = fields['names'].default_factory

    def __init__(self, problems=_HAS_DEFAULT_FACTORY, files=_dflt_files, workouts=_dflt_workouts, plans=_dflt_plans, profiles_used=_HAS_DEFAULT_FACTORY, names=_HAS_DEFAULT_FACTORY):
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)
        self.files = files
        self.workouts = workouts
        self.plans = plans
        self.profiles_used = (_dflt_profiles_used() if profiles_used is _HAS_DEFAULT_FACTORY else profiles_used)
        self.names = (_dflt_names() if names is _HAS_DEFAULT_FACTORY else names)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(problems={self.problems!r}, files={self.files!r}, workouts={self.workouts!r}, plans={self.plans!r}, profiles_used={self.profiles_used!r}, names={self.names!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.problems, self.files, self.workouts, self.plans, self.profiles_used, self.names,) == (other.problems, other.files, other.workouts, other.plans, other.profiles_used, other.names,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_parse_ParseResult(fields):
    _dflt_diagnostics = fields['diagnostics'].default_factory
    _dflt_comments = fields['comments'].default_factory

    def __init__(self, workouts, diagnostics=_HAS_DEFAULT_FACTORY, comments=_HAS_DEFAULT_FACTORY):
        self.workouts = workouts
        self.diagnostics = (_dflt_diagnostics() if diagnostics is _HAS_DEFAULT_FACTORY else diagnostics)
        self.comments = (_dflt_comments() if comments is _HAS_DEFAULT_FACTORY else comments)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(workouts={self.workouts!r}, diagnostics={self.diagnostics!r}, comments={self.comments!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.workouts, self.diagnostics, self.comments,) == (other.workouts, other.diagnostics, other.comments,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_parse__Header(fields):

    def __init__(self, key, value, span):
        self.key = key
        self.value = value
        self.span = span

    def __repr__(self):
        return f"{self.__class__.__qualname__}(key={self.key!r}, value={self.value!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.key, self.value, self.span,) == (other.key, other.value, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.key, self.value, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_parse__Until(fields):

    def __init__(self, duration, span):
        self.duration = duration
        self.span = span

    def __repr__(self):
        return f"{self.__class__.__qualname__}(duration={self.duration!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.duration, self.span,) == (other.duration, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.duration, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_parse__WorkoutLine(fields):

    def __init__(self, name, span):
        self.name = name
        self.span = span

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, span={self.span!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.span,) == (other.name, other.span,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.span,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_pipeline_Entry(fields):
    _dflt_problems = fields['problems'].default_factory
    _dflt_date = fields['date'].default

    def __init__(self, workout, profile, problems=_HAS_DEFAULT_FACTORY, date=_dflt_date):
        self.workout = workout
        self.profile = profile
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)
        self.date = date

    def __repr__(self):
        return f"{self.__class__.__qualname__}(workout={self.workout!r}, profile={self.profile!r}, problems={self.problems!r}, date={self.date!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.workout, self.profile, self.problems, self.date,) == (other.workout, other.profile, other.problems, other.date,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_pipeline_PlanDates(fields):
    _dflt_start = fields['start'].default
    _dflt_race_day = fields['race_day'].default

    def __init__(self, start=_dflt_start, race_day=_dflt_race_day):
        self.start = start
        self.race_day = race_day

    def __repr__(self):
        return f"{self.__class__.__qualname__}(start={self.start!r}, race_day={self.race_day!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start, self.race_day,) == (other.start, other.race_day,)
        return NotImplemented

    def __hash__(self):
        return hash((self.start, self.race_day,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_pipeline_Run(fields):
    _dflt_entries = fields['entries'].default_factory
    _dflt_plans = fields['plans'].default_factory
    _dflt_unscheduled = fields['unscheduled'].default_factory
    _dflt_problems = fields['problems'].default_factory
    _dflt_files = fields['files'].default
    _dflt_profiles_used = fields['profiles_used'].default_factory
    _dflt_profile_errors = fields['profile_errors'].default

    def __init__(self, entries=_HAS_DEFAULT_FACTORY, plans=_HAS_DEFAULT_FACTORY, unscheduled=_HAS_DEFAULT_FACTORY, problems=_HAS_DEFAULT_FACTORY, files=_dflt_files, profiles_used=_HAS_DEFAULT_FACTORY, profile_errors=_dflt_profile_errors):
        self.entries = (_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries)
        self.plans = (_dflt_plans() if plans is _HAS_DEFAULT_FACTORY else plans)
        self.unscheduled = (_dflt_unscheduled() if unscheduled is _HAS_DEFAULT_FACTORY else unscheduled)
        self.problems = (_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems)
        self.files = files
        self.profiles_used = (_dflt_profiles_used() if profiles_used is _HAS_DEFAULT_FACTORY else profiles_used)
        self.profile_errors = profile_errors

    def __repr__(self):
        return f"{self.__class__.__qualname__}(entries={self.entries!r}, plans={self.plans!r}, unscheduled={self.unscheduled!r}, problems={self.problems!r}, files={self.files!r}, profiles_used={self.profiles_used!r}, profile_errors={self.profile_errors!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.entries, self.plans, self.unscheduled, self.problems, self.files, self.profiles_used, self.profile_errors,) == (other.entries, other.plans, other.unscheduled, other.problems, other.files, other.profiles_used, other.profile_errors,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_pipeline_ScheduledPlan(fields):
    _dflt_sessions = fields['sessions'].default_factory

    def __init__(self, plan, profile, start, sessions=_HAS_DEFAULT_FACTORY):
        self.plan = plan
        self.profile = profile
        self.start = start
        self.sessions = (_dflt_sessions() if sessions is _HAS_DEFAULT_FACTORY else sessions)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(plan={self.plan!r}, profile={self.profile!r}, start={self.start!r}, sessions={self.sessions!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.plan, self.profile, self.start, self.sessions,) == (other.plan, other.profile, other.start, other.sessions,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_plan_Plan(fields):
    _dflt_bad_start = fields['bad_start'].default

    def __init__(self, name, start, sessions, source, span, bad_start=_dflt_bad_start):
        self.name = name
        self.start = start
        self.sessions = sessions
        self.source = source
        self.span = span
        self.bad_start = bad_start

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, start={self.start!r}, sessions={self.sessions!r}, source={self.source!r}, span={self.span!r}, bad_start={self.bad_start!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.start, self.sessions, self.source, self.span, self.bad_start,) == (other.name, other.start, other.sessions, other.source, other.span, other.bad_start,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.start, self.sessions, self.source, self.span, self.bad_start,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_plan_Session(fields):
    _dflt_week = fields['week'].default
    _dflt_weekday = fields['weekday'].default
    _dflt_offset = fields['offset'].default
    _dflt_index = fields['index'].default

    def __init__(self, name, span, week=_dflt_week, weekday=_dflt_weekday, offset=_dflt_offset, index=_dflt_index):
        self.name = name
        self.span = span
        self.week = week
        self.weekday = weekday
        self.offset = offset
        self.index = index

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, span={self.span!r}, week={self.week!r}, weekday={self.weekday!r}, offset={self.offset!r}, index={self.index!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.span, self.week, self.weekday, self.offset, self.index,) == (other.name, other.span, other.week, other.weekday, other.offset, other.index,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.span, self.week, self.weekday, self.offset, self.index,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_profile_Profile(fields):
    _dflt_races = fields['races'].default
    _dflt_vdot = fields['vdot'].default
    _dflt_ftp = fields['ftp'].default
    _dflt_max_hr = fields['max_hr'].default
    _dflt_lthr = fields['lthr'].default
    _dflt_resting_hr = fields['resting_hr'].default
    _dflt_units = fields['units'].default
    _dflt_hr_zones = fields['hr_zones'].default
    _dflt_pace_tolerance = fields['pace_tolerance'].default
    _dflt_hr_tolerance = fields['hr_tolerance'].default
    _dflt_power_tolerance = fields['power_tolerance'].default
    _dflt_cadence_tolerance = fields['cadence_tolerance'].default
    _dflt_author = fields['author'].default
    _dflt_treadmill = fields['treadmill'].default_factory

    def __init__(self, races=_dflt_races, vdot=_dflt_vdot, ftp=_dflt_ftp, max_hr=_dflt_max_hr, lthr=_dflt_lthr, resting_hr=_dflt_resting_hr, units=_dflt_units, hr_zones=_dflt_hr_zones, pace_tolerance=_dflt_pace_tolerance, hr_tolerance=_dflt_hr_tolerance, power_tolerance=_dflt_power_tolerance, cadence_tolerance=_dflt_cadence_tolerance, author=_dflt_author, treadmill=_HAS_DEFAULT_FACTORY):
        self.races = races
        self.vdot = vdot
        self.ftp = ftp
        self.max_hr = max_hr
        self.lthr = lthr
        self.resting_hr = resting_hr
        self.units = units
        self.hr_zones = hr_zones
        self.pace_tolerance = pace_tolerance
        self.hr_tolerance = hr_tolerance
        self.power_tolerance = power_tolerance
        self.cadence_tolerance = cadence_tolerance
        self.author = author
        self.treadmill = (_dflt_treadmill() if treadmill is _HAS_DEFAULT_FACTORY else treadmill)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(races={self.races!r}, vdot={self.vdot!r}, ftp={self.ftp!r}, max_hr={self.max_hr!r}, lthr={self.lthr!r}, resting_hr={self.resting_hr!r}, units={self.units!r}, hr_zones={self.hr_zones!r}, pace_tolerance={self.pace_tolerance!r}, hr_tolerance={self.hr_tolerance!r}, power_tolerance={self.power_tolerance!r}, cadence_tolerance={self.cadence_tolerance!r}, author={self.author!r}, treadmill={self.treadmill!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.races, self.vdot, self.ftp, self.max_hr, self.lthr, self.resting_hr, self.units, self.hr_zones, self.pace_tolerance, self.hr_tolerance, self.power_tolerance, self.cadence_tolerance, self.author, self.treadmill,) == (other.races, other.vdot, other.ftp, other.max_hr, other.lthr, other.resting_hr, other.units, other.hr_zones, other.pace_tolerance, other.hr_tolerance, other.power_tolerance, other.cadence_tolerance, other.author, other.treadmill,)
        return NotImplemented

    def __hash__(self):
        return hash((self.races, self.vdot, self.ftp, self.max_hr, self.lthr, self.resting_hr, self.units, self.hr_zones, self.pace_tolerance, self.hr_tolerance, self.power_tolerance, self.cadence_tolerance, self.author, self.treadmill,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_profile_Race(fields):

    def __init__(self, name, metres, seconds):
        self.name = name
        self.metres = metres
        self.seconds = seconds

    def __repr__(self):
        return f"{self.__class__.__qualname__}(name={self.name!r}, metres={self.metres!r}, seconds={self.seconds!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name, self.metres, self.seconds,) == (other.name, other.metres, other.seconds,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name, self.metres, self.seconds,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_profile_Settings(fields):
    _dflt_values = fields['values'].default_factory
    _dflt_treadmill = fields['treadmill'].default_factory
    _dflt_races = fields['races'].default_factory

    def __init__(self, origin, values=_HAS_DEFAULT_FACTORY, treadmill=_HAS_DEFAULT_FACTORY, races=_HAS_DEFAULT_FACTORY):
        self.origin = origin
        self.values = (_dflt_values() if values is _HAS_DEFAULT_FACTORY else values)
        self.treadmill = (_dflt_treadmill() if treadmill is _HAS_DEFAULT_FACTORY else treadmill)
        self.races = (_dflt_races() if races is _HAS_DEFAULT_FACTORY else races)

    def __repr__(self):
        return f"{self.__class__.__qualname__}(origin={self.origin!r}, values={self.values!r}, treadmill={self.treadmill!r}, races={self.races!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.origin, self.values, self.treadmill, self.races,) == (other.origin, other.values, other.treadmill, other.races,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_profile_TreadmillProfile(fields):
    _dflt_speed_unit = fields['speed_unit'].default
    _dflt_speed_step = fields['speed_step'].default
    _dflt_incline_step = fields['incline_step'].default
    _dflt_min_speed = fields['min_speed'].default
    _dflt_max_speed = fields['max_speed'].default
    _dflt_min_incline = fields['min_incline'].default
    _dflt_max_incline = fields['max_incline'].default
    _dflt_max_segments = fields['max_segments'].default
    _dflt_default_incline = fields['default_incline'].default
    _dflt_recovery_speed = fields['recovery_speed'].default
    _dflt_walk_speed = fields['walk_speed'].default
    _dflt_rest_speed = fields['rest_speed'].default
    _dflt_open_duration = fields['open_duration'].default

    def __init__(self, speed_unit=_dflt_speed_unit, speed_step=_dflt_speed_step, incline_step=_dflt_incline_step, min_speed=_dflt_min_speed, max_speed=_dflt_max_speed, min_incline=_dflt_min_incline, max_incline=_dflt_max_incline, max_segments=_dflt_max_segments, default_incline=_dflt_default_incline, recovery_speed=_dflt_recovery_speed, walk_speed=_dflt_walk_speed, rest_speed=_dflt_rest_speed, open_duration=_dflt_open_duration):
        self.speed_unit = speed_unit
        self.speed_step = speed_step
        self.incline_step = incline_step
        self.min_speed = min_speed
        self.max_speed = max_speed
        self.min_incline = min_incline
        self.max_incline = max_incline
        self.max_segments = max_segments
        self.default_incline = default_incline
        self.recovery_speed = recovery_speed
        self.walk_speed = walk_speed
        self.rest_speed = rest_speed
        self.open_duration = open_duration

    def __repr__(self):
        return f"{self.__class__.__qualname__}(speed_unit={self.speed_unit!r}, speed_step={self.speed_step!r}, incline_step={self.incline_step!r}, min_speed={self.min_speed!r}, max_speed={self.max_speed!r}, min_incline={self.min_incline!r}, max_incline={self.max_incline!r}, max_segments={self.max_segments!r}, default_incline={self.default_incline!r}, recovery_speed={self.recovery_speed!r}, walk_speed={self.walk_speed!r}, rest_speed={self.rest_speed!r}, open_duration={self.open_duration!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.speed_unit, self.speed_step, self.incline_step, self.min_speed, self.max_speed, self.min_incline, self.max_incline, self.max_segments, self.default_incline, self.recovery_speed, self.walk_speed, self.rest_speed, self.open_duration,) == (other.speed_unit, other.speed_step, other.incline_step, other.min_speed, other.max_speed, other.min_incline, other.max_incline, other.max_segments, other.default_incline, other.recovery_speed, other.walk_speed, other.rest_speed, other.open_duration,)
        return NotImplemented

    def __hash__(self):
        return hash((self.speed_unit, self.speed_step, self.incline_step, self.min_speed, self.max_speed, self.min_incline, self.max_incline, self.max_segments, self.default_incline, self.recovery_speed, self.walk_speed, self.rest_speed, self.open_duration,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_resolve__Value(fields):

    def __init__(self, low, high, nominal, point):
        self.low = low
        self.high = high
        self.nominal = nominal
        self.point = point

    def __repr__(self):
        return f"{self.__class__.__qualname__}(low={self.low!r}, high={self.high!r}, nominal={self.nominal!r}, point={self.point!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.low, self.high, self.nominal, self.point,) == (other.low, other.high, other.nominal, other.point,)
        return NotImplemented

    def __hash__(self):
        return hash((self.low, self.high, self.nominal, self.point,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_targets_TargetError(fields):
    _dflt_hint = fields['hint'].default

    def __init__(self, message, start, end, hint=_dflt_hint):
        self.message = message
        self.start = start
        self.end = end
        self.hint = hint

    def __repr__(self):
        return f"{self.__class__.__qualname__}(message={self.message!r}, start={self.start!r}, end={self.end!r}, hint={self.hint!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.message, self.start, self.end, self.hint,) == (other.message, other.start, other.end, other.hint,)
        return NotImplemented

    return __init__, __repr__, __eq__


def _wodc_timing_Fallback(fields):
    _dflt_walk = fields['walk'].default

    def __init__(self, jog, walk=_dflt_walk):
        self.jog = jog
        self.walk = walk

    def __repr__(self):
        return f"{self.__class__.__qualname__}(jog={self.jog!r}, walk={self.walk!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.jog, self.walk,) == (other.jog, other.walk,)
        return NotImplemented

    def __hash__(self):
        return hash((self.jog, self.walk,))

    return __init__, __repr__, __eq__, __hash__


def _wodc_timing_Totals(fields):

    def __init__(self, seconds, metres, seconds_guessed, metres_guessed):
        self.seconds = seconds
        self.metres = metres
        self.seconds_guessed = seconds_guessed
        self.metres_guessed = metres_guessed

    def __repr__(self):
        return f"{self.__class__.__qualname__}(seconds={self.seconds!r}, metres={self.metres!r}, seconds_guessed={self.seconds_guessed!r}, metres_guessed={self.metres_guessed!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.seconds, self.metres, self.seconds_guessed, self.metres_guessed,) == (other.seconds, other.metres, other.seconds_guessed, other.metres_guessed,)
        return NotImplemented

    def __hash__(self):
        return hash((self.seconds, self.metres, self.seconds_guessed, self.metres_guessed,))

    return __init__, __repr__, __eq__, __hash__


# The class (module.qualname) -> (the _shape its methods are written for, their maker).
WRITTEN = {
    'wodc.backends.Options': (
        'hashable; builtins.object; ; card_format: str = value; created: int | None = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); author: str | None = value; all_day: bool = value; at: datetime.time = value; dry_run: bool = value',
        _wodc_backends_Options),
    'wodc.backends.Result': (
        'mutable; builtins.object; ; data: bytes | None = ; problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_backends_Result),
    'wodc.backends.erg.Cue': (
        'hashable; builtins.object; ; start: float = ; text: str = ',
        _wodc_backends_erg_Cue),
    'wodc.backends.erg.Segment': (
        'hashable; builtins.object; ; start: float = ; seconds: float = ; first: float = ; last: float = ',
        _wodc_backends_erg_Segment),
    'wodc.backends.fit.FitDuration': (
        'hashable; builtins.object; ; kind: str = ; value: float | None = value',
        _wodc_backends_fit_FitDuration),
    'wodc.backends.fit.FitStep': (
        'hashable; builtins.object; ; name: str = value; notes: str = value; intensity: ir.StepKind | None = value; duration: FitDuration = value; target: FitTarget = value; secondary: FitTarget | None = value; repeat_from: int | None = value; repeat_count: int | None = value',
        _wodc_backends_fit_FitStep),
    'wodc.backends.fit.FitTarget': (
        'hashable; builtins.object; ; kind: str = ; low: float = value; high: float = value; zone: int = value; percent: bool = value',
        _wodc_backends_fit_FitTarget),
    'wodc.backends.fit.FitWorkout': (
        'hashable; builtins.object; ; name: str = ; description: str = ; sport: str = ; sub_sport: str = ; serial_number: int = ; time_created: int = ; steps: tuple[FitStep, ...] = ',
        _wodc_backends_fit_FitWorkout),
    'wodc.backends.treadmill.Program': (
        'hashable; builtins.object; ; workout: ir.Workout = ; treadmill: TreadmillProfile = ; segments: tuple[Segment, ...] = ; repeats: tuple[RepeatSpan, ...] = ',
        _wodc_backends_treadmill_Program),
    'wodc.backends.treadmill.RepeatSpan': (
        'hashable; builtins.object; ; first: int = ; last: int = ; count: int = ',
        _wodc_backends_treadmill_RepeatSpan),
    'wodc.backends.treadmill.Segment': (
        'hashable; builtins.object; ; number: int = ; start: int = ; seconds: int = ; speed: float = ; incline: float = ; step: ir.Step = ; why: str | None = ; ramp_part: int = value; ramp_parts: int = value; ramp: tuple[float, float] | None = value',
        _wodc_backends_treadmill_Segment),
    'wodc.backends.treadmill._Plan': (
        'hashable; builtins.object; ; seconds: float = ; speed: float = ; end_speed: float | None = ; incline: float = ; why: str | None = ',
        _wodc_backends_treadmill__Plan),
    'wodc.backends.treadmill_speed.Speed': (
        'hashable; builtins.object; ; speed: float = ; end: float | None = value; why: str | None = value',
        _wodc_backends_treadmill_speed_Speed),
    'wodc.backends.zwo_levels.Level': (
        'hashable; builtins.object; ; start: float = ; end: float | None = value; pace: int | None = value; symbolic: bool = value',
        _wodc_backends_zwo_levels_Level),
    'wodc.backends.zwo_xml.Block': (
        'hashable; builtins.object; ; tag: str = ; duration: int = ; power: float | None = value; power_low: float | None = value; power_high: float | None = value; pace: int | None = value; symbolic: bool = value; cadence: tuple[int, int] | None = value; message: str | None = value',
        _wodc_backends_zwo_xml_Block),
    'wodc.backends.zwo_xml.Intervals': (
        'hashable; builtins.object; ; repeat: int = ; on: Block = ; off: Block = ',
        _wodc_backends_zwo_xml_Intervals),
    'wodc.compiler.Compiled': (
        'mutable; builtins.object; ; outputs: dict[str, bytes] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); failed: list[str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); skipped: dict[str, str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_compiler_Compiled),
    'wodc.compiler.Outcome': (
        'mutable; builtins.object; ; problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); summary: list[str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); written: list[Path] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_compiler_Outcome),
    'wodc.editor.Analysis': (
        'mutable; builtins.object; ; path: str = ; text: str = ; problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); workouts: list[ir.Workout] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); profile: Profile = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); plan: object | None = value; profiles_used: list[str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_editor_Analysis),
    'wodc.editor.Completion': (
        'hashable; builtins.object; ; label: str = ; kind: str = ; detail: str = value; insert: str | None = value',
        _wodc_editor_Completion),
    'wodc.editor.Fix': (
        'hashable; builtins.object; ; title: str = ; span: Span = ; new_text: str = ',
        _wodc_editor_Fix),
    'wodc.editor.Hover': (
        'hashable; builtins.object; ; text: str = ; span: Span = ',
        _wodc_editor_Hover),
    'wodc.editor.Symbol': (
        "hashable; builtins.object; ; name: str = ; kind: str = ; span: Span = ; children: tuple['Symbol', ...] = value",
        _wodc_editor_Symbol),
    'wodc.errors.Diagnostic': (
        'hashable; builtins.object; ; path: str = ; line: int = ; column: int = ; message: str = ; severity: Severity = value; hint: str | None = value; source_line: str = value; width: int = value',
        _wodc_errors_Diagnostic),
    'wodc.errors.Source': (
        'hashable; builtins.object; ; path: str = ; text: str = ',
        _wodc_errors_Source),
    'wodc.errors.Span': (
        'hashable; builtins.object; ; line: int = ; column: int = ; end_line: int = ; end_column: int = ',
        _wodc_errors_Span),
    'wodc.importers.Imported': (
        'mutable; builtins.object; ; workouts: list[ir.Workout] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_importers_Imported),
    'wodc.intensity.Block': (
        'hashable; builtins.object; ; step: ir.Step = ; start: float = ; seconds: float = ; start_level: float = ; end_level: float = ; estimated: bool = ',
        _wodc_intensity_Block),
    'wodc.ir.Band': (
        'hashable; builtins.object; ; channel: Channel = ; low: float = ; high: float = ; nominal: float = ; limit: str | None = value',
        _wodc_ir_Band),
    'wodc.ir.Cadence': (
        'hashable; builtins.object; ; low: float = ; high: float = ; unit: str = ; span: Span = ',
        _wodc_ir_Cadence),
    'wodc.ir.DistanceDuration': (
        'hashable; builtins.object; ; metres: float = ; unit: str = ',
        _wodc_ir_DistanceDuration),
    'wodc.ir.Effort': (
        'hashable; builtins.object; ; rpe: float = ',
        _wodc_ir_Effort),
    'wodc.ir.HeartRate': (
        'hashable; builtins.object; ; bpm: float = ',
        _wodc_ir_HeartRate),
    'wodc.ir.HeartRateDuration': (
        'hashable; builtins.object; ; bpm: int = ; above: bool = ',
        _wodc_ir_HeartRateDuration),
    'wodc.ir.HeartRatePercent': (
        'hashable; builtins.object; ; percent: float = ; of: str = ',
        _wodc_ir_HeartRatePercent),
    'wodc.ir.HeartRateZone': (
        'hashable; builtins.object; ; zone: int = ',
        _wodc_ir_HeartRateZone),
    'wodc.ir.Incline': (
        'hashable; builtins.object; ; percent: float = ; span: Span = ',
        _wodc_ir_Incline),
    'wodc.ir.MaxEffort': (
        'hashable; builtins.object; ',
        _wodc_ir_MaxEffort),
    'wodc.ir.OpenDuration': (
        'hashable; builtins.object; ',
        _wodc_ir_OpenDuration),
    'wodc.ir.Pace': (
        'hashable; builtins.object; ; speed: float = ; per: str = ',
        _wodc_ir_Pace),
    'wodc.ir.PaceName': (
        'hashable; builtins.object; ; name: str = ; offset_seconds: float = value; offset_metres: float | None = value; speed_percent: float | None = value',
        _wodc_ir_PaceName),
    'wodc.ir.Power': (
        'hashable; builtins.object; ; watts: float = ',
        _wodc_ir_Power),
    'wodc.ir.PowerPercent': (
        'hashable; builtins.object; ; percent: float = ',
        _wodc_ir_PowerPercent),
    'wodc.ir.PowerZone': (
        'hashable; builtins.object; ; zone: int = ',
        _wodc_ir_PowerZone),
    'wodc.ir.RepTime': (
        'hashable; builtins.object; ; seconds: float = ',
        _wodc_ir_RepTime),
    'wodc.ir.Repeat': (
        "hashable; builtins.object; ; count: int = ; children: tuple['Node', ...] = ; span: Span = ",
        _wodc_ir_Repeat),
    'wodc.ir.ResolvedTarget': (
        'hashable; builtins.object; ; band: Band = ; ramp_end: Band | None = value',
        _wodc_ir_ResolvedTarget),
    'wodc.ir.SameDuration': (
        'hashable; builtins.object; ',
        _wodc_ir_SameDuration),
    'wodc.ir.Speed': (
        'hashable; builtins.object; ; speed: float = ; unit: str = ',
        _wodc_ir_Speed),
    'wodc.ir.Step': (
        'hashable; builtins.object; ; kind: StepKind = ; duration: Duration = ; target: Target | None = ; incline: Incline | None = ; cadence: Cadence | None = ; note: str | None = ; span: Span = ; duration_span: Span | None = value; resolved: ResolvedTarget | Unresolved | None = value; between: bool = value; word: str | None = field(default=True, factory=False, init=True, repr=True, compare=False, hash=None, kw_only=False)',
        _wodc_ir_Step),
    'wodc.ir.Target': (
        'hashable; builtins.object; ; start: Value = ; end: Value | None = ; ramp: bool = ; text: str = ; span: Span = ; limit: str | None = value',
        _wodc_ir_Target),
    'wodc.ir.TimeDuration': (
        'hashable; builtins.object; ; seconds: float = ',
        _wodc_ir_TimeDuration),
    'wodc.ir.Unresolved': (
        'hashable; builtins.object; ; problem: object = ',
        _wodc_ir_Unresolved),
    'wodc.ir.WalkSpeed': (
        'hashable; builtins.object; ',
        _wodc_ir_WalkSpeed),
    'wodc.ir.Workout': (
        'hashable; builtins.object; ; name: str = ; sport: Sport = ; treadmill: bool = ; indoor: bool = ; notes: tuple[str, ...] = ; tags: tuple[str, ...] = ; author: str | None = ; incline: Incline | None = ; steps: tuple[Node, ...] = ; span: Span = ; source: Source = field(default=False, factory=False, init=True, repr=False, compare=False, hash=None, kw_only=False)',
        _wodc_ir_Workout),
    'wodc.ir.Zone': (
        'hashable; builtins.object; ; zone: int = ',
        _wodc_ir_Zone),
    'wodc.language.fmt.FileOutcome': (
        'mutable; builtins.object; ; path: str = ; old: str = ; new: str | None = ; problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_language_fmt_FileOutcome),
    'wodc.language.fmt.Formatted': (
        'mutable; builtins.object; ; text: str | None = ; problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_language_fmt_Formatted),
    'wodc.language.printer.Comments': (
        'mutable; builtins.object; ; own: dict[int, str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); trailing: dict[int, str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); blank: set[int] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); _sorted: tuple | None = field(default=True, factory=False, init=True, repr=False, compare=False, hash=None, kw_only=False)',
        _wodc_language_printer_Comments),
    'wodc.language.printer.HeaderLines': (
        'hashable; builtins.object; ; workout: int | None = value; sport: int | None = value; author: int | None = value; tags: int | None = value; incline: int | None = value; notes: tuple[int, ...] = value',
        _wodc_language_printer_HeaderLines),
    'wodc.load.Load': (
        'hashable; builtins.object; ; score: float = ; kind: str = ; intensity_factor: float = ',
        _wodc_load_Load),
    'wodc.paces.TrainingPaces': (
        'hashable; builtins.object; ; easy: tuple[float, float] = ; marathon: float = ; threshold: float = ; interval: float = ; repetition: float = ',
        _wodc_paces_TrainingPaces),
    'wodc.parallel.Checked': (
        'mutable; builtins.object; ; problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); files: int = value; workouts: int = value; plans: int = value; profiles_used: list[str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); names: list[tuple] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_parallel_Checked),
    'wodc.parse.ParseResult': (
        'mutable; builtins.object; ; workouts: list[ir.Workout] = ; diagnostics: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); comments: list[tuple[int, int, str]] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_parse_ParseResult),
    'wodc.parse._Header': (
        'hashable; builtins.object; ; key: str = ; value: object = ; span: Span = ',
        _wodc_parse__Header),
    'wodc.parse._Until': (
        'hashable; builtins.object; ; duration: ir.HeartRateDuration = ; span: Span = ',
        _wodc_parse__Until),
    'wodc.parse._WorkoutLine': (
        'hashable; builtins.object; ; name: str = ; span: Span = ',
        _wodc_parse__WorkoutLine),
    'wodc.pipeline.Entry': (
        'mutable; builtins.object; ; workout: ir.Workout = ; profile: Profile = ; problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); date: datetime.date | None = value',
        _wodc_pipeline_Entry),
    'wodc.pipeline.PlanDates': (
        'hashable; builtins.object; ; start: datetime.date | None = value; race_day: datetime.date | None = value',
        _wodc_pipeline_PlanDates),
    'wodc.pipeline.Run': (
        'mutable; builtins.object; ; entries: list[Entry] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); plans: list[ScheduledPlan] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); unscheduled: list[str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); problems: list[Diagnostic] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); files: int = value; profiles_used: list[str] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); profile_errors: bool = value',
        _wodc_pipeline_Run),
    'wodc.pipeline.ScheduledPlan': (
        'mutable; builtins.object; ; plan: Plan = ; profile: Profile = ; start: datetime.date = ; sessions: list[tuple[datetime.date, Session, Entry]] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_pipeline_ScheduledPlan),
    'wodc.plan.Plan': (
        'hashable; builtins.object; ; name: str = ; start: datetime.date | None = ; sessions: tuple[Session, ...] = ; source: Source = ; span: Span = ; bad_start: bool = value',
        _wodc_plan_Plan),
    'wodc.plan.Session': (
        'hashable; builtins.object; ; name: str = ; span: Span = ; week: int | None = value; weekday: int | None = value; offset: int | None = value; index: int = value',
        _wodc_plan_Session),
    'wodc.profile.Profile': (
        'hashable; builtins.object; ; races: tuple[Race, ...] = value; vdot: float | None = value; ftp: float | None = value; max_hr: float | None = value; lthr: float | None = value; resting_hr: float | None = value; units: str = value; hr_zones: tuple[float, ...] | None = value; pace_tolerance: float = value; hr_tolerance: float = value; power_tolerance: float = value; cadence_tolerance: float = value; author: str | None = value; treadmill: TreadmillProfile = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_profile_Profile),
    'wodc.profile.Race': (
        'hashable; builtins.object; ; name: str = ; metres: float = ; seconds: float = ',
        _wodc_profile_Race),
    'wodc.profile.Settings': (
        'mutable; builtins.object; ; origin: str = ; values: dict = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); treadmill: dict = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False); races: list[Race] = field(default=False, factory=True, init=True, repr=True, compare=True, hash=None, kw_only=False)',
        _wodc_profile_Settings),
    'wodc.profile.TreadmillProfile': (
        'hashable; builtins.object; ; speed_unit: str = value; speed_step: float = value; incline_step: float = value; min_speed: float | None = value; max_speed: float | None = value; min_incline: float = value; max_incline: float = value; max_segments: int = value; default_incline: float = value; recovery_speed: float | None = value; walk_speed: float | None = value; rest_speed: float | None = value; open_duration: float = value',
        _wodc_profile_TreadmillProfile),
    'wodc.resolve._Value': (
        'hashable; builtins.object; ; low: float = ; high: float = ; nominal: float = ; point: bool = ',
        _wodc_resolve__Value),
    'wodc.targets.TargetError': (
        'mutable; builtins.Exception; ; message: str = ; start: int = ; end: int = ; hint: str | None = value',
        _wodc_targets_TargetError),
    'wodc.timing.Fallback': (
        'hashable; builtins.object; ; jog: float | None = ; walk: float | None = value',
        _wodc_timing_Fallback),
    'wodc.timing.Totals': (
        'hashable; builtins.object; ; seconds: float | None = ; metres: float | None = ; seconds_guessed: bool = ; metres_guessed: bool = ',
        _wodc_timing_Totals),
}
