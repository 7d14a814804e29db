<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotateAllDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/annotate_all.py" line="+156"/>
        <source>%n occurrence(s) found</source>
        <translation>
            <numerusform>%n occurrence found</numerusform>
            <numerusform>%n occurrences found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n already annotated</source>
        <translation>
            <numerusform>%n already annotated</numerusform>
            <numerusform>%n already annotated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Annotate %n</source>
        <translation>
            <numerusform>Annotate %n</numerusform>
            <numerusform>Annotate %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message numerus="yes">
        <location filename="../../ui/window/annotating.py" line="+122"/>
        <source>%n event argument(s)</source>
        <translation>
            <numerusform>%n event argument</numerusform>
            <numerusform>%n event arguments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stance(s) (as holder or target)</source>
        <translation>
            <numerusform>%n stance (as holder or target)</numerusform>
            <numerusform>%n stances (as holder or target)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+126"/>
        <source>Added %n annotation(s) (one undo step).</source>
        <translation>
            <numerusform>Added %n annotation (one undo step).</numerusform>
            <numerusform>Added %n annotations (one undo step).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/annotations.py" line="+202"/>
        <source>{count} annotation(s)</source>
        <translation>
            <numerusform>{count} annotation</numerusform>
            <numerusform>{count} annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusSearchPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/corpus_search.py" line="+104"/>
        <source>{count} hit(s)</source>
        <translation>
            <numerusform>{count} hit</numerusform>
            <numerusform>{count} hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>{count} document(s)</source>
        <translation>
            <numerusform>{count} document</numerusform>
            <numerusform>{count} documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurationWindow</name>
    <message numerus="yes">
        <location filename="../../ui/curation/view.py" line="+403"/>
        <source>Comparing %n annotation set(s): {annotators}.</source>
        <translation>
            <numerusform>Comparing %n annotation set: {annotators}.</numerusform>
            <numerusform>Comparing %n annotation sets: {annotators}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+131"/>
        <source>%n argument(s); accepting the event takes the undecided ones that no alternative ties with</source>
        <translation>
            <numerusform>%n argument; accepting the event takes the undecided ones that no alternative ties with</numerusform>
            <numerusform>%n arguments; accepting the event takes the undecided ones that no alternative ties with</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/documents.py" line="+276"/>
        <source>{count} character(s)</source>
        <translation>
            <numerusform>{count} character</numerusform>
            <numerusform>{count} characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message numerus="yes">
        <location line="+133"/>
        <source>{count} document(s)</source>
        <translation>
            <numerusform>{count} document</numerusform>
            <numerusform>{count} documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/events.py" line="+365"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+290"/>
        <source>%n character(s) away</source>
        <translation>
            <numerusform>%n character away</numerusform>
            <numerusform>%n characters away</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+121"/>
        <source>%n argument(s) found no role of the same name in {type}: they are kept under “Other roles”, flagged; reassign or remove them.</source>
        <translation>
            <numerusform>%n argument found no role of the same name in {type}: it is kept under “Other roles”, flagged; reassign or remove it.</numerusform>
            <numerusform>%n arguments found no role of the same name in {type}: they are kept under “Other roles”, flagged; reassign or remove them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExcludedPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/excluded.py" line="+141"/>
        <source>%n annotation(s) made before lie in excluded text: kept, flagged, and left out of agreement and export.</source>
        <translation>
            <numerusform>%n annotation made before lies in excluded text: kept, flagged, and left out of agreement and export.</numerusform>
            <numerusform>%n annotations made before lie in excluded text: kept, flagged, and left out of agreement and export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+111"/>
        <source>%n entity annotation(s)</source>
        <translation>
            <numerusform>%n entity annotation</numerusform>
            <numerusform>%n entity annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event trigger(s)</source>
        <translation>
            <numerusform>%n event trigger</numerusform>
            <numerusform>%n event triggers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stance evidence span(s)</source>
        <translation>
            <numerusform>%n stance evidence span</numerusform>
            <numerusform>%n stance evidence spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <location filename="../../ui/curation/candidates.py" line="+69"/>
        <location filename="../../ui/dialogs/export.py" line="+353"/>
        <location filename="../../ui/dialogs/handoff.py" line="+273"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="+283"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+30"/>
        <source>%n entity annotation(s)</source>
        <translation>
            <numerusform>%n entity annotation</numerusform>
            <numerusform>%n entity annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location filename="../../ui/dialogs/export.py" line="+1"/>
        <location filename="../../ui/dialogs/handoff.py" line="+1"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="+1"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+2"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location filename="../../ui/dialogs/export.py" line="+1"/>
        <location filename="../../ui/dialogs/handoff.py" line="+1"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="+1"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+2"/>
        <source>%n event argument(s)</source>
        <translation>
            <numerusform>%n event argument</numerusform>
            <numerusform>%n event arguments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n document stance(s)</source>
        <translation>
            <numerusform>%n document stance</numerusform>
            <numerusform>%n document stances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n attributed stance(s)</source>
        <translation>
            <numerusform>%n attributed stance</numerusform>
            <numerusform>%n attributed stances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>, and brought along %n entity annotation(s) that arguments or stances need</source>
        <translation>
            <numerusform>, and brought along %n entity annotation that arguments or stances need</numerusform>
            <numerusform>, and brought along %n entity annotations that arguments or stances need</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>; %n left undecided.</source>
        <translation>
            <numerusform>; %n left undecided.</numerusform>
            <numerusform>; %n left undecided.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n argument(s) tied with another were left undecided</source>
        <translation>
            <numerusform>%n argument tied with another was left undecided</numerusform>
            <numerusform>%n arguments tied with another were left undecided</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/curation/compare.py" line="+423"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/export.py" line="-4"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location filename="../../ui/dialogs/handoff.py" line="-102"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="+5"/>
        <location filename="../../ui/dialogs/import_documents.py" line="+150"/>
        <location filename="../../ui/review/restrict.py" line="+38"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location filename="../../ui/dialogs/handoff.py" line="+103"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="-4"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+2"/>
        <source>%n stance(s)</source>
        <translation>
            <numerusform>%n stance</numerusform>
            <numerusform>%n stances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n document(s) have no matching annotation set and were skipped</source>
        <translation>
            <numerusform>%n document has no matching annotation set and was skipped</numerusform>
            <numerusform>%n documents have no matching annotation set and were skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/handoff.py" line="-101"/>
        <source>%n of their own set(s)</source>
        <translation>
            <numerusform>%n set of their own</numerusform>
            <numerusform>%n sets of their own</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) excluded for everyone</source>
        <translation>
            <numerusform>%n region excluded for everyone</numerusform>
            <numerusform>%n regions excluded for everyone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n set(s) added</source>
        <translation>
            <numerusform>%n set added</numerusform>
            <numerusform>%n sets added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location filename="../../ui/dialogs/import_documents.py" line="-20"/>
        <source>%n document(s) added</source>
        <translation>
            <numerusform>%n document added</numerusform>
            <numerusform>%n documents added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n label(s) added</source>
        <translation>
            <numerusform>%n label added</numerusform>
            <numerusform>%n labels added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n set(s) already up to date</source>
        <translation>
            <numerusform>%n set already up to date</numerusform>
            <numerusform>%n sets already up to date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n gold set(s) not merged</source>
        <translation>
            <numerusform>%n gold set not merged</numerusform>
            <numerusform>%n gold sets not merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n region(s) excluded for everyone added</source>
        <translation>
            <numerusform>%n region excluded for everyone added</numerusform>
            <numerusform>%n regions excluded for everyone added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n excluded range(s)</source>
        <translation>
            <numerusform>%n excluded range</numerusform>
            <numerusform>%n excluded ranges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_annotations.py" line="+6"/>
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_documents.py" line="+2"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n duplicate skipped</numerusform>
            <numerusform>%n duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) refused</source>
        <translation>
            <numerusform>%n file refused</numerusform>
            <numerusform>%n files refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n private-use character(s) (often letters lost in PDF extraction; they are kept as they are)</source>
        <translation>
            <numerusform>%n private-use character (often a letter lost in PDF extraction; it is kept as it is)</numerusform>
            <numerusform>%n private-use characters (often letters lost in PDF extraction; they are kept as they are)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n replacement character(s) (U+FFFD) (from an earlier bad decoding)</source>
        <translation>
            <numerusform>%n replacement character (U+FFFD) (from an earlier bad decoding)</numerusform>
            <numerusform>%n replacement characters (U+FFFD) (from an earlier bad decoding)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/schema_roles.py" line="+7"/>
        <source>{removed}; %n reference(s) to those annotations (event arguments, stance holders or targets) stay, flagged as detached</source>
        <translation>
            <numerusform>{removed}; %n reference to those annotations (an event argument, a stance holder or target) stays, flagged as detached</numerusform>
            <numerusform>{removed}; %n references to those annotations (event arguments, stance holders or targets) stay, flagged as detached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/documents.py" line="-98"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/event_marks.py" line="+169"/>
        <source>%n argument(s)</source>
        <translation>
            <numerusform>%n argument</numerusform>
            <numerusform>%n arguments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/review/restrict.py" line="-2"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>%n annotator</numerusform>
            <numerusform>%n annotators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message numerus="yes">
        <location filename="../../ui/recommend/quality.py" line="+180"/>
        <source>%n-fold cross-validation</source>
        <translation>
            <numerusform>%n-fold cross-validation</numerusform>
            <numerusform>%n-fold cross-validation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{validation} over %n document(s).</source>
        <translation>
            <numerusform>{validation} over %n document.</numerusform>
            <numerusform>{validation} over %n documents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recommending</name>
    <message numerus="yes">
        <location filename="../../ui/recommend/controller.py" line="+200"/>
        <source>Learnt from %n document(s) of {source}: {recommenders}.</source>
        <translation>
            <numerusform>Learnt from %n document of {source}: {recommenders}.</numerusform>
            <numerusform>Learnt from %n documents of {source}: {recommenders}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDashboard</name>
    <message numerus="yes">
        <location filename="../../ui/review/dashboard.py" line="+450"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>%n annotator</numerusform>
            <numerusform>%n annotators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s) compared</source>
        <translation>
            <numerusform>%n document compared</numerusform>
            <numerusform>%n documents compared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+368"/>
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>%n disagreement</numerusform>
            <numerusform>%n disagreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusTexts</name>
    <message numerus="yes">
        <location filename="../../ui/window/status.py" line="+78"/>
        <source>{count} document(s)</source>
        <translation>
            <numerusform>{count} document</numerusform>
            <numerusform>{count} documents</numerusform>
        </translation>
    </message>
</context>
</TS>
